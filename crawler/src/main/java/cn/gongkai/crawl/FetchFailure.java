package cn.gongkai.crawl;

import java.time.Instant;

/**
 * A fetch that did not yield a page: an HTTP error status, a timeout, a reset, a redirect loop, a DNS failure.
 * Kept as data because link availability is itself checked (政府网站与政务新媒体检查指标).
 *
 * @param url       URL requested
 * @param referrer  page that linked to it; {@code null} for the seed
 * @param status    HTTP status, or 0 when no response was received
 * @param error     what went wrong, in words (e.g. {@code HTTP 404}, {@code timeout after 30s}, {@code redirect loop})
 * @param at        when the failure happened
 */
public record FetchFailure(String url, String referrer, int status, String error, Instant at) {
}
