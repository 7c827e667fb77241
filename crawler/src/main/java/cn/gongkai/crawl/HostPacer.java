package cn.gongkai.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: at most one request in flight per host, and a pause of at least the given delay between
 * the end of one request and the start of the next. Shared by every crawl run through one {@link SiteCrawler},
 * so two agencies hosted on the same portal are not fetched in parallel.
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
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** Waits for the host's turn, runs {@code call}, and records when it ended. */
    <T> T paced(String hostKey, Duration delay, Call<T> call) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(hostKey, k -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            if (slot.used) {
                long wait = slot.lastEnd + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            try {
                return call.run();
            } finally {
                slot.used = true;
                slot.lastEnd = System.nanoTime();
            }
        } finally {
            slot.lock.unlock();
        }
    }
}
