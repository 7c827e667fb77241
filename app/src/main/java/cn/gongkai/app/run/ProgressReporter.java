package cn.gongkai.app.run;

import cn.gongkai.crawl.CrawlCounters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One console line every few seconds while an audit crawls (never one per page): sites done of total, pages,
 * failed fetches, pages per second and an estimate of the time left from the pace of the sites finished so far.
 */
final class ProgressReporter implements AutoCloseable {

    private final PrintWriter console;
    private final Duration every;
    private final AtomicInteger sitesDone = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService timer;
    private volatile int sites;
    private volatile CrawlCounters counters;

    ProgressReporter(PrintWriter console, Duration every) {
        this.console = console;
        this.every = every;
    }

    /** Starts printing; nothing is printed if {@code every} is zero. */
    void started(int total, CrawlCounters c) {
        this.sites = total;
        this.counters = c;
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongkai-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void siteDone() {
        sitesDone.incrementAndGet();
    }

    private void print() {
        CrawlCounters c = counters;
        String text = line(sitesDone.get(), sites, c.pages(), c.failures(), c.replayed(),
                Duration.ofNanos(System.nanoTime() - startNanos));
        synchronized (console) {
            console.println(text);
            console.flush();
        }
    }

    /** The progress line for these totals after {@code elapsed}. */
    static String line(int done, int total, long pages, long failures, long replayed, Duration elapsed) {
        double seconds = Math.max(1e-3, elapsed.toMillis() / 1000.0);
        String eta = done == 0 ? "—" : format(Duration.ofMillis((long) (elapsed.toMillis() / (double) done * (total - done))));
        return String.format("进度：网站 %d/%d，页面 %d，抓取失败 %d%s，%.1f 页/秒，已用 %s，预计剩余 %s",
                done, total, pages, failures, replayed > 0 ? "，从存档恢复 " + replayed : "", pages / seconds,
                format(elapsed), eta);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
