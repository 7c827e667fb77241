package cn.gongkai.crawl;

import java.time.Duration;

/**
 * Limits of one site crawl. Every limit bounds time or memory: a hostile or slow site costs at most
 * {@code maxPages × requestTimeout} plus delays, and at most {@code maxBodyBytes} per response.
 *
 * @param maxPages        page budget per site (pages and attachments fetched, including failures)
 * @param delay           minimum pause between two requests to the same host; robots.txt Crawl-delay raises it
 *                        up to {@code maxCrawlDelay}
 * @param maxCrawlDelay   cap on a robots.txt Crawl-delay
 * @param maxDepth        link depth from the seed page
 * @param maxBodyBytes    bytes read per response; a longer body is truncated and marked so
 * @param requestTimeout  deadline for one whole request, headers and body
 * @param maxRedirects    redirects followed for one URL before giving up
 * @param userAgent       sent on every request; names the tool and a contact
 */
public record CrawlSettings(
        int maxPages,
        Duration delay,
        Duration maxCrawlDelay,
        int maxDepth,
        long maxBodyBytes,
        Duration requestTimeout,
        int maxRedirects,
        String userAgent) {

    /** HTTP header values are ASCII (RFC 9110 §5.5); the JDK client rejects anything else. */
    public static final String DEFAULT_USER_AGENT =
            "GongkaiAudit/0.1 (+https://github.com/gongkai-audit; zhengwu gongkai audit; contact: audit@gongkai.invalid)";

    /** Defaults for real agency sites: polite (1 s per host), 200 pages, 10 MiB, 30 s per request. */
    public static CrawlSettings defaults() {
        return new CrawlSettings(200, Duration.ofSeconds(1), Duration.ofSeconds(10), 6,
                10L * 1024 * 1024, Duration.ofSeconds(30), 5, DEFAULT_USER_AGENT);
    }

    public CrawlSettings withMaxPages(int pages) {
        return new CrawlSettings(pages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects, userAgent);
    }

    public CrawlSettings withDelay(Duration d) {
        return new CrawlSettings(maxPages, d, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects, userAgent);
    }

    public CrawlSettings withRequestTimeout(Duration t) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, t, maxRedirects, userAgent);
    }
}
