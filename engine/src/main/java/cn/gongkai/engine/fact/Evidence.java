package cn.gongkai.engine.fact;

import java.time.Instant;

/**
 * A pointer to what a site showed: the URL, when it was fetched, the WARC record holding the response, and a
 * short label (usually the page title).
 */
public record Evidence(String url, Instant fetchedAt, String warcRecordId, String label) {
}
