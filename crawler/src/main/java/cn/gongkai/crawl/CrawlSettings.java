package cn.gongkai.crawl;

import java.time.Duration;

/**
 * Limits of one site crawl. Every limit bounds time or memory: a hostile or slow site costs at most
 * {@code maxPages × (maxRetries + 1) × requestTimeout} plus delays and backoff, at most {@code maxBodyBytes} per
 * response and at most {@code maxSiteBytes} in all.
 *
 * @param maxPages              page budget per site (pages and attachments fetched, including failures)
 * @param delay                 minimum pause between two requests to the same host; robots.txt Crawl-delay raises
 *                              it up to {@code maxCrawlDelay}
 * @param maxCrawlDelay         cap on a robots.txt Crawl-delay, and on one retry backoff
 * @param maxDepth              link depth from the seed page
 * @param maxBodyBytes          bytes read per response; a longer body is truncated and marked so
 * @param requestTimeout        deadline for one whole request, headers and body
 * @param maxRedirects          redirects followed for one URL before giving up
 * @param userAgent             sent on every request; names the tool and a contact
 * @param ipDelay               minimum pause between two requests to the same IP address, whatever the host name
 *                              (many agency sites share one 集约化 platform)
 * @param maxSiteBytes          byte budget per site (bodies as received); when spent the rest is skipped
 * @param maxRetries            retries of a URL after a 5xx answer or a broken connection (never after a timeout)
 * @param retryBackoff          wait before the first retry; doubled for each further one, capped at maxCrawlDelay
 * @param maxUrlsPerPattern     URLs fetched per URL pattern (path with digit runs generalised, plus the query
 *                              parameter names): bounds calendar-style infinite URL spaces
 * @param maxConsecutiveErrors  failed URLs in a row after which the rest of the site is skipped (5xx storm)
 * @param targetPolicy          which resolved addresses may be connected to, checked before every request
 *                              (seed, redirect hop, robots.txt, link); {@link TargetPolicy#ALLOW_ALL} by default
 */
public record CrawlSettings(
        int maxPages,
        Duration delay,
        Duration maxCrawlDelay,
        int maxDepth,
        long maxBodyBytes,
        Duration requestTimeout,
        int maxRedirects,
        String userAgent,
        Duration ipDelay,
        long maxSiteBytes,
        int maxRetries,
        Duration retryBackoff,
        int maxUrlsPerPattern,
        int maxConsecutiveErrors,
        TargetPolicy targetPolicy) {

    public CrawlSettings {
        targetPolicy = targetPolicy == null ? TargetPolicy.ALLOW_ALL : targetPolicy;
    }

    /** The limits before the target policy existed: every address allowed. */
    public CrawlSettings(int maxPages, Duration delay, Duration maxCrawlDelay, int maxDepth, long maxBodyBytes,
                         Duration requestTimeout, int maxRedirects, String userAgent, Duration ipDelay,
                         long maxSiteBytes, int maxRetries, Duration retryBackoff, int maxUrlsPerPattern,
                         int maxConsecutiveErrors) {
        this(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects, userAgent, ipDelay,
                maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, TargetPolicy.ALLOW_ALL);
    }

    /** HTTP header values are ASCII (RFC 9110 §5.5); the JDK client rejects anything else. */
    public static final String DEFAULT_USER_AGENT =
            "GongkaiAudit/0.1 (+https://github.com/gongkai-audit; zhengwu gongkai audit; contact: audit@gongkai.invalid)";

    static final Duration DEFAULT_IP_DELAY = Duration.ofMillis(250);
    static final long DEFAULT_SITE_BYTES = 200L * 1024 * 1024;
    static final int DEFAULT_RETRIES = 2;
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(2);
    static final int DEFAULT_PER_PATTERN = 30;
    static final int DEFAULT_CONSECUTIVE_ERRORS = 10;

    /** The limits before per-IP pacing, byte budget, retries and trap caps existed; those take their defaults. */
    public CrawlSettings(int maxPages, Duration delay, Duration maxCrawlDelay, int maxDepth, long maxBodyBytes,
                         Duration requestTimeout, int maxRedirects, String userAgent) {
        this(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects, userAgent,
                DEFAULT_IP_DELAY.compareTo(delay) < 0 ? DEFAULT_IP_DELAY : delay, DEFAULT_SITE_BYTES,
                DEFAULT_RETRIES, DEFAULT_BACKOFF.compareTo(maxCrawlDelay) < 0 ? DEFAULT_BACKOFF : maxCrawlDelay,
                DEFAULT_PER_PATTERN, DEFAULT_CONSECUTIVE_ERRORS);
    }

    /** Defaults for real agency sites: polite (1 s per host, 250 ms per IP), 200 pages, 10 MiB, 30 s per request. */
    public static CrawlSettings defaults() {
        return new CrawlSettings(200, Duration.ofSeconds(1), Duration.ofSeconds(10), 6,
                10L * 1024 * 1024, Duration.ofSeconds(30), 5, DEFAULT_USER_AGENT, DEFAULT_IP_DELAY,
                DEFAULT_SITE_BYTES, DEFAULT_RETRIES, DEFAULT_BACKOFF, DEFAULT_PER_PATTERN, DEFAULT_CONSECUTIVE_ERRORS, TargetPolicy.ALLOW_ALL);
    }

    public CrawlSettings withMaxPages(int pages) {
        return new CrawlSettings(pages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    /** Sets the per-host delay; the per-IP delay is lowered to it if it was longer. */
    public CrawlSettings withDelay(Duration d) {
        return new CrawlSettings(maxPages, d, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay.compareTo(d) > 0 ? d : ipDelay, maxSiteBytes, maxRetries, retryBackoff,
                maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withRequestTimeout(Duration t) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, t, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxDepth(int depth) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, depth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxBodyBytes(long bytes) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, bytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxRedirects(int hops) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, hops,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withIpDelay(Duration d) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, d, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxSiteBytes(long bytes) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, bytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withRetries(int retries, Duration backoff) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, retries, backoff, maxUrlsPerPattern, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxUrlsPerPattern(int n) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, n, maxConsecutiveErrors, targetPolicy);
    }

    public CrawlSettings withMaxConsecutiveErrors(int n) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, n, targetPolicy);
    }

    /** Wait before retry number {@code attempt} (1-based): backoff doubled per attempt, capped at maxCrawlDelay. */
    Duration backoff(int attempt) {
        Duration d = retryBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : d;
    }

    /** Refuses (or allows) addresses before every request; see {@link TargetPolicy}. */
    public CrawlSettings withTargetPolicy(TargetPolicy policy) {
        return new CrawlSettings(maxPages, delay, maxCrawlDelay, maxDepth, maxBodyBytes, requestTimeout, maxRedirects,
                userAgent, ipDelay, maxSiteBytes, maxRetries, retryBackoff, maxUrlsPerPattern, maxConsecutiveErrors, policy);
    }
}
