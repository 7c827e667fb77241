package cn.gongkai.crawl;

import java.time.Duration;

/** Settings for loopback tests: no delay, small timeouts, the real User-Agent. */
final class TestSettings {
    private TestSettings() {
    }

    static CrawlSettings fast() {
        return new CrawlSettings(50, Duration.ZERO, Duration.ofSeconds(2), 6, 1024 * 1024,
                Duration.ofSeconds(2), 5, CrawlSettings.DEFAULT_USER_AGENT).withRetries(2, Duration.ofMillis(10));
    }

    static CrawlSettings withMaxDepth(CrawlSettings s, int depth) {
        return new CrawlSettings(s.maxPages(), s.delay(), s.maxCrawlDelay(), depth, s.maxBodyBytes(),
                s.requestTimeout(), s.maxRedirects(), s.userAgent());
    }

    static CrawlSettings withMaxBodyBytes(CrawlSettings s, long bytes) {
        return new CrawlSettings(s.maxPages(), s.delay(), s.maxCrawlDelay(), s.maxDepth(), bytes,
                s.requestTimeout(), s.maxRedirects(), s.userAgent());
    }

    static CrawlSettings withMaxCrawlDelay(CrawlSettings s, Duration cap) {
        return new CrawlSettings(s.maxPages(), s.delay(), cap, s.maxDepth(), s.maxBodyBytes(),
                s.requestTimeout(), s.maxRedirects(), s.userAgent());
    }
}
