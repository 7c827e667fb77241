package cn.gongkai.crawl;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live totals of everything one {@link SiteCrawler} has done, for progress lines on long crawls. Read from any
 * thread; exact only once crawls have ended.
 */
public final class CrawlCounters {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    void request(long bodyBytes, boolean fromArchive) {
        (fromArchive ? replayed : requests).incrementAndGet();
        bytes.addAndGet(bodyBytes);
    }

    void page() {
        pages.incrementAndGet();
    }

    void failure() {
        failures.incrementAndGet();
    }

    /** HTTP requests sent over the network (robots.txt, redirect hops and retries included). */
    public long requests() {
        return requests.get();
    }

    /** Responses taken from the archive of an interrupted crawl instead of the network. */
    public long replayed() {
        return replayed.get();
    }

    /** Pages and attachments kept. */
    public long pages() {
        return pages.get();
    }

    /** Failed fetches. */
    public long failures() {
        return failures.get();
    }

    /** Body bytes received or replayed. */
    public long bytes() {
        return bytes.get();
    }
}
