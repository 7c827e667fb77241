package cn.gongkai.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host and per IP address: at most one request in flight per host and per IP, and a pause of at
 * least the host's delay (and the IP's delay) between the end of one request and the start of the next. Shared by
 * every crawl run through one {@link SiteCrawler}, so two agencies hosted on the same portal, or on one 集约化
 * platform behind one address, are not fetched in parallel.
 *
 * <p>Locks are always taken host first, then IP: a thread waiting for an IP never holds another IP, so there
 * is no lock cycle.
 */
final class HostPacer {

    /** A request to one host. */
    interface Call<T> {
        T run() throws InterruptedException;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        boolean used;
        long lastEnd;

        void waitTurn(Duration delay) throws InterruptedException {
            if (used) {
                long wait = lastEnd + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }

        void done() {
            used = true;
            lastEnd = System.nanoTime();
        }
    }

    private final Map<String, Slot> hosts = new ConcurrentHashMap<>();
    private final Map<String, Slot> ips = new ConcurrentHashMap<>();

    /** Waits for the host's turn, runs {@code call}, and records when it ended. */
    <T> T paced(String hostKey, Duration delay, Call<T> call) throws InterruptedException {
        return paced(hostKey, delay, null, Duration.ZERO, call);
    }

    /**
     * Waits for the host's turn and then the IP's turn, runs {@code call}, and records when it ended for both.
     *
     * @param ip  the host's address, or {@code null} when it could not be resolved (then only the host is paced)
     */
    <T> T paced(String hostKey, Duration hostDelay, String ip, Duration ipDelay, Call<T> call)
            throws InterruptedException {
        Slot host = hosts.computeIfAbsent(hostKey, k -> new Slot());
        host.lock.lockInterruptibly();
        try {
            host.waitTurn(hostDelay);
            if (ip == null) {
                try {
                    return call.run();
                } finally {
                    host.done();
                }
            }
            Slot addr = ips.computeIfAbsent(ip, k -> new Slot());
            addr.lock.lockInterruptibly();
            try {
                addr.waitTurn(ipDelay);
                try {
                    return call.run();
                } finally {
                    addr.done();
                    host.done();
                }
            } finally {
                addr.lock.unlock();
            }
        } finally {
            host.lock.unlock();
        }
    }
}
