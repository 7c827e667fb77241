package cn.gongkai.report;

import java.time.Instant;

/**
 * What the archive knows of one evidence page beyond the finding's pointer: the HTTP status it answered with and
 * the SHA-256 of the body kept, so the 证据 sheet can prove which bytes a verdict rests on.
 *
 * @param warcRecordId  the WARC response record ({@code <urn:uuid:…>})
 * @param url           the page's URL
 * @param httpStatus    the HTTP status of the response
 * @param sha256        hex SHA-256 of the response body as kept ({@code null} when unknown)
 * @param fetchedAt     when it was received
 */
public record EvidencePage(String warcRecordId, String url, int httpStatus, String sha256, Instant fetchedAt) {
}
