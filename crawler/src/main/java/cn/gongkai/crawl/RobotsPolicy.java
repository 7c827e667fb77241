package cn.gongkai.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A site's robots.txt as it applies to us, parsed with crawler-commons {@link SimpleRobotRulesParser}, which
 * follows RFC 9309: a missing file (4xx) allows everything; a server error or an unreachable file (5xx, network
 * failure) disallows everything. Crawl-delay raises the per-host delay, capped at
 * {@link CrawlSettings#maxCrawlDelay()} (the parser's own cap, which turns a long delay into "disallow all", is
 * lifted so that the cap is ours).
 */
final class RobotsPolicy {

    private final BaseRobotRules rules;
    private final Duration delay;
    private final String skipReason;

    private RobotsPolicy(BaseRobotRules rules, Duration delay, String skipReason) {
        this.rules = rules;
        this.delay = delay;
        this.skipReason = skipReason;
    }

    static RobotsPolicy parse(String robotsUrl, byte[] content, String contentType, CrawlSettings settings) {
        SimpleRobotRulesParser parser = parser();
        BaseRobotRules rules = parser.parseContent(robotsUrl, content,
                contentType == null ? "text/plain" : contentType, List.of(productToken(settings.userAgent())));
        return new RobotsPolicy(rules, effectiveDelay(rules, settings), "robots.txt");
    }

    /** Rules after a fetch that got no robots.txt: {@code status} 0 means no response at all. */
    static RobotsPolicy failed(int status, CrawlSettings settings) {
        BaseRobotRules rules = parser().failedFetch(status == 0 ? 503 : status);
        return new RobotsPolicy(rules, settings.delay(), rules.isAllowNone() ? "robots.txt unreachable" : "robots.txt");
    }

    static RobotsPolicy allowAll(CrawlSettings settings) {
        return new RobotsPolicy(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), settings.delay(),
                "robots.txt");
    }

    boolean allows(URI uri) {
        return rules.isAllowed(uri.toString());
    }

    /** Why a disallowed URL is skipped: {@code robots.txt}, or {@code robots.txt unreachable}. */
    String skipReason() {
        return skipReason;
    }

    boolean disallowsAll() {
        return rules.isAllowNone();
    }

    /** Pause between two requests to this site: the configured delay, or the capped Crawl-delay if longer. */
    Duration delay() {
        return delay;
    }

    private static SimpleRobotRulesParser parser() {
        return new SimpleRobotRulesParser(Long.MAX_VALUE, SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
    }

    private static Duration effectiveDelay(BaseRobotRules rules, CrawlSettings settings) {
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelay <= 0) {
            return settings.delay();
        }
        Duration robots = Duration.ofMillis(Math.min(crawlDelay, settings.maxCrawlDelay().toMillis()));
        return robots.compareTo(settings.delay()) > 0 ? robots : settings.delay();
    }

    /** The product token of a User-Agent ({@code GongkaiAudit/0.1 (…)} → {@code gongkaiaudit}). */
    static String productToken(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.strip();
        int end = 0;
        while (end < ua.length() && (Character.isLetterOrDigit(ua.charAt(end)) || ua.charAt(end) == '-'
                || ua.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? "*" : ua.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
