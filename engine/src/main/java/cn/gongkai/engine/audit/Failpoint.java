package cn.gongkai.engine.audit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Named points in an audit where a test may stop the process, so that it can kill it (SIGKILL) at a known moment
 * and check that {@code audit --resume} recovers (issue 10, kill and resume). In the spirit of TiKV's fail-rs and
 * FoundationDB's buggify, but with one action only: pause forever.
 *
 * <p>Off unless the system property {@value #PROPERTY} names a point and a count, e.g.
 * {@code -Dgongkai.failpoint=extract-page:3}: the third time any thread reaches {@code extract-page}, it prints
 * {@code failpoint extract-page reached} on stderr and blocks for good; other threads carry on until the process
 * is killed. Unarmed, {@link #reached} is one comparison of a static final field with {@code null}, which the JIT
 * folds away. For tests only; nothing in the product arms it.
 */
public final class Failpoint {

    /** The system property that arms one point: {@code name:n} (the n-th time it is reached, from 1). */
    public static final String PROPERTY = "gongkai.failpoint";

    /** After each page of a site is extracted, before the site's facts are assessed and stored. */
    public static final String EXTRACT_PAGE = "extract-page";

    /** In the middle of writing the workbook: after each 得分卡 sheet, before the file is complete. */
    public static final String WRITE_WORKBOOK = "write-workbook";

    private static final String ARMED;
    private static final int AT;
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getProperty(PROPERTY);
        int colon = spec == null ? -1 : spec.lastIndexOf(':');
        if (spec == null || spec.isBlank()) {
            ARMED = null;
            AT = 0;
        } else if (colon < 0) {
            ARMED = spec.strip();
            AT = 1;
        } else {
            ARMED = spec.substring(0, colon).strip();
            AT = Integer.parseInt(spec.substring(colon + 1).strip());
        }
    }

    private Failpoint() {
    }

    /** Marks that {@code name} is reached; pauses this thread forever if it is the armed point's n-th time. */
    public static void reached(String name) {
        if (ARMED == null || !ARMED.equals(name) || HITS.incrementAndGet() != AT) {
            return;
        }
        System.err.println("failpoint " + name + " reached");
        System.err.flush();
        while (true) {
            // Interrupts (pool shutdown) do not end the pause: the test kills the process here. Clearing the flag
            // keeps park from returning at once, so the pause does not spin.
            LockSupport.park(Failpoint.class);
            Thread.interrupted();
        }
    }
}
