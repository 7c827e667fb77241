package cn.gongkai.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of a stretch of work in this JVM: the largest heap in use seen by sampling {@code MemoryMXBean}
 * every 50 ms (garbage included, so it depends on how lazily the collector runs), and the largest heap still in
 * use right after a collection (GC notifications: the live set, what the work really holds).
 */
public final class HeapSampler implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile boolean running = true;

    private HeapSampler() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
    }

    /** Collects garbage left by earlier work, then starts measuring. */
    public static HeapSampler start() {
        System.gc();
        HeapSampler s = new HeapSampler();
        s.subscribe();
        s.sample();
        s.sampler.start();
        return s;
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakUsed.accumulateAndGet(used, Math::max);
    }

    private void subscribe() {
        Set<String> heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(p -> heapPools.add(p.getName()));
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (Notification n, Object hb) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = 0;
                    for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) {
                            MemoryUsage u = e.getValue();
                            after += u.getUsed();
                        }
                    }
                    peakAfterGc.accumulateAndGet(after, Math::max);
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    /** Largest heap in use seen by sampling, in bytes. */
    public long peakUsed() {
        return peakUsed.get();
    }

    /** Largest heap in use right after a collection, in bytes (0 if none ran). */
    public long peakAfterGc() {
        return peakAfterGc.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        sample();
        unsubscribe.forEach(Runnable::run);
    }
}
