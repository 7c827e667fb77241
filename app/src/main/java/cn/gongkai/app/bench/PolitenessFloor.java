package cn.gongkai.app.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The least wall time any scheduler could take to fetch a set of sites, given the politeness rules the crawler
 * keeps: one request in flight per host with {@code hostDelay} between the end of one and the start of the next,
 * the same per IP address with {@code ipDelay}, every request taking at least {@code latency}, and at most
 * {@code parallel} sites crawled at once. The floor is the largest of three bounds:
 * <ul>
 *   <li>the slowest single host: {@code r·latency + (r−1)·hostDelay} for its {@code r} requests;</li>
 *   <li>the busiest IP: {@code R·latency + (R−1)·ipDelay} for the {@code R} requests of all its hosts;</li>
 *   <li>the concurrency limit: the sum of every host's own time divided by {@code parallel}.</li>
 * </ul>
 * CPU work (extraction, rules, workbook) is not in the floor: it is what a good pipeline hides behind the pauses.
 */
public final class PolitenessFloor {

    /** One site: its IP address and the requests it needs (pages plus robots.txt). */
    public record Site(String ip, int requests) {
    }

    private PolitenessFloor() {
    }

    public static Duration of(List<Site> sites, Duration latency, Duration hostDelay, Duration ipDelay, int parallel) {
        long lat = latency.toNanos();
        long host = hostDelay.toNanos();
        long ipGap = ipDelay.toNanos();
        long slowestHost = 0;
        long sum = 0;
        Map<String, Long> perIp = new HashMap<>();
        for (Site s : sites) {
            long t = s.requests() * lat + Math.max(0, s.requests() - 1) * host;
            slowestHost = Math.max(slowestHost, t);
            sum += t;
            perIp.merge(s.ip(), (long) s.requests(), Long::sum);
        }
        long busiestIp = perIp.values().stream()
                .mapToLong(r -> r * lat + Math.max(0, r - 1) * ipGap).max().orElse(0);
        long concurrency = sum / Math.max(1, parallel);
        return Duration.ofNanos(Math.max(slowestHost, Math.max(busiestIp, concurrency)));
    }
}
