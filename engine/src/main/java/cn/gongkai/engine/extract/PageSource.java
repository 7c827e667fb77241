package cn.gongkai.engine.extract;

import java.time.Instant;

/**
 * One fetched resource to extract: an HTML page, a PDF, XLS/XLSX, DOC/DOCX attachment, or plain text.
 *
 * @param url           where it was fetched (used to resolve links and to name attachments)
 * @param contentType   the HTTP {@code Content-Type} header, possibly with a {@code charset}; may be {@code null}
 * @param body          the raw bytes as received
 * @param fetchedAt     when it was fetched; {@code null} for saved files
 * @param warcRecordId  the WARC response record holding it; {@code null} for saved files
 */
public record PageSource(String url, String contentType, byte[] body, Instant fetchedAt, String warcRecordId) {

    public PageSource {
        body = body == null ? new byte[0] : body;
    }
}
