package cn.gongkai.crawl;

import java.time.Instant;

/**
 * One successful response (2xx) kept from a crawl: a page or an attachment.
 *
 * @param url           final URL after redirects
 * @param requestedUrl  URL as linked, before redirects
 * @param referrer      page that linked to it; {@code null} for the seed
 * @param depth         link depth from the seed
 * @param status        HTTP status of the final response
 * @param contentType   Content-Type header as sent (may name a charset, may be wrong)
 * @param body          response body, decompressed, at most {@link CrawlSettings#maxBodyBytes()} bytes
 * @param truncated     whether the body was cut at the cap
 * @param fetchedAt     when the response was received
 * @param warcRecordId  id of the WARC response record ({@code <urn:uuid:…>})
 */
public record FetchedPage(
        String url,
        String requestedUrl,
        String referrer,
        int depth,
        int status,
        String contentType,
        byte[] body,
        boolean truncated,
        Instant fetchedAt,
        String warcRecordId) {
}
