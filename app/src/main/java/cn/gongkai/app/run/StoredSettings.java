package cn.gongkai.app.run;

import cn.gongkai.crawl.CrawlSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The crawl settings and parallelism of a run as text in the run table, so a resumed run crawls with exactly
 * the limits the interrupted one had (a different limit would take a different path through the sites).
 */
record StoredSettings(CrawlSettings crawl, int parallel) {

    String encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxPages", crawl.maxPages());
        m.put("delayMs", crawl.delay().toMillis());
        m.put("maxCrawlDelayMs", crawl.maxCrawlDelay().toMillis());
        m.put("maxDepth", crawl.maxDepth());
        m.put("maxBodyBytes", crawl.maxBodyBytes());
        m.put("requestTimeoutMs", crawl.requestTimeout().toMillis());
        m.put("maxRedirects", crawl.maxRedirects());
        m.put("userAgent", crawl.userAgent());
        m.put("ipDelayMs", crawl.ipDelay().toMillis());
        m.put("maxSiteBytes", crawl.maxSiteBytes());
        m.put("maxRetries", crawl.maxRetries());
        m.put("retryBackoffMs", crawl.retryBackoff().toMillis());
        m.put("maxUrlsPerPattern", crawl.maxUrlsPerPattern());
        m.put("maxConsecutiveErrors", crawl.maxConsecutiveErrors());
        m.put("parallel", parallel);
        StringBuilder s = new StringBuilder();
        m.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    static StoredSettings decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        CrawlSettings s = new CrawlSettings(
                i(p, "maxPages"), ms(p, "delayMs"), ms(p, "maxCrawlDelayMs"), i(p, "maxDepth"), l(p, "maxBodyBytes"),
                ms(p, "requestTimeoutMs"), i(p, "maxRedirects"), p.getProperty("userAgent"), ms(p, "ipDelayMs"),
                l(p, "maxSiteBytes"), i(p, "maxRetries"), ms(p, "retryBackoffMs"), i(p, "maxUrlsPerPattern"),
                i(p, "maxConsecutiveErrors"));
        return new StoredSettings(s, i(p, "parallel"));
    }

    private static int i(Properties p, String k) {
        return Integer.parseInt(p.getProperty(k).strip());
    }

    private static long l(Properties p, String k) {
        return Long.parseLong(p.getProperty(k).strip());
    }

    private static Duration ms(Properties p, String k) {
        return Duration.ofMillis(l(p, k));
    }
}
