package cn.gongkai.crawl;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Heuristics against infinite URL spaces within one site crawl (calendars, faceted searches, relative-link
 * loops). Session-id traps are handled earlier, by {@link Urls#stripSessionIds}. Not thread-safe: one per crawl.
 *
 * <ul>
 *   <li>a path segment repeated {@value #MAX_SEGMENT_REPEATS} times or more ({@code /a/b/a/b/a/b/}), or a path
 *       deeper than {@value #MAX_PATH_SEGMENTS} segments: a relative-link loop;</li>
 *   <li>more than {@code maxUrlsPerPattern} URLs with the same path and the same query parameter names but other
 *       values ({@code /calendar?date=…}): a calendar or a faceted search. URLs without a query are not capped
 *       here: their depth is, and government CMS article paths legitimately share one shape.</li>
 * </ul>
 */
final class UrlTraps {

    static final int MAX_SEGMENT_REPEATS = 3;
    static final int MAX_PATH_SEGMENTS = 15;

    private final int maxPerPattern;
    private final Map<String, Integer> perPattern = new HashMap<>();

    UrlTraps(int maxPerPattern) {
        this.maxPerPattern = maxPerPattern;
    }

    /** Admits {@code uri} (counting it against its pattern) or says why it looks like a trap. */
    Optional<String> check(URI uri) {
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String[] segments = path.split("/");
        if (segments.length > MAX_PATH_SEGMENTS + 1) {
            return Optional.of("URL trap: path deeper than " + MAX_PATH_SEGMENTS + " segments");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String s : segments) {
            if (!s.isEmpty() && seen.merge(s, 1, Integer::sum) >= MAX_SEGMENT_REPEATS) {
                return Optional.of("URL trap: path segment \"" + s + "\" repeated");
            }
        }
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> names = new TreeSet<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            names.add(eq < 0 ? p : p.substring(0, eq));
        }
        String pattern = path + "?" + String.join("&", names);
        int n = perPattern.merge(pattern, 1, Integer::sum);
        if (n > maxPerPattern) {
            return Optional.of("URL trap: more than " + maxPerPattern + " URLs like " + pattern + "=…");
        }
        return Optional.empty();
    }
}
