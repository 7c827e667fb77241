package cn.gongkai.engine.extract;

import java.util.List;

/**
 * Measures extraction time per page on the real pages (not a test: run it by hand, see engine/README.md).
 * Warms up, then reports the mean over many rounds per page, and the median over pages.
 */
public final class ExtractionTiming {

    private ExtractionTiming() {
    }

    public static void main(String[] args) {
        PageExtractor extractor = new PageExtractor();
        List<PageSource> sources = RealPages.labels().stream().map(l -> RealPages.source(l.file())).toList();
        for (int i = 0; i < 30; i++) {
            sources.forEach(extractor::extract);
        }
        int rounds = 50;
        double[] ms = new double[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                extractor.extract(sources.get(s));
            }
            ms[s] = (System.nanoTime() - start) / 1e6 / rounds;
            System.out.printf("%8.3f ms  %7d bytes  %s%n", ms[s], sources.get(s).body().length, sources.get(s).url());
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("median %.3f ms, max %.3f ms over %d pages%n", sorted[sorted.length / 2],
                sorted[sorted.length - 1], sorted.length);
    }
}
