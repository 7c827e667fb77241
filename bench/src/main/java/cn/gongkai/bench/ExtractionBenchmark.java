package cn.gongkai.bench;

import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.extract.PageSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Extraction pages per second on one thread (one core): each operation extracts the next page of the corpus,
 * round robin. {@code farm}: the synthetic farm's HTML pages (list pages and documents with metadata blocks,
 * UTF-8 and GB18030); {@code fixture}: the five fixture agency sites; {@code real}: saved real government pages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class ExtractionBenchmark {

    @Param({"farm", "fixture", "real"})
    public String corpus;

    private final PageExtractor extractor = new PageExtractor();
    private List<PageSource> pages;
    private int next;

    @Setup
    public void load() {
        pages = switch (corpus) {
            case "farm" -> BenchData.farmPages(6, 150);
            case "fixture" -> BenchData.fixturePages();
            default -> BenchData.realPages();
        };
    }

    @Benchmark
    public ExtractedPage extractOnePage() {
        PageSource page = pages.get(next);
        next = next + 1 == pages.size() ? 0 : next + 1;
        return extractor.extract(page);
    }
}
