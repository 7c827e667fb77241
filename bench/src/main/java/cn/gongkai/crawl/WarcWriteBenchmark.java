package cn.gongkai.crawl;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WARC writing throughput: request + response records (gzip per record, SHA-1 digests) for the farm's pages,
 * through the crawler's own {@link WarcArchive} (this class sits in the crawler's package to reach the
 * package-private {@code record(Exchange)} the crawler calls). Exchanges per second; the mean body size is
 * printed at setup so the figure converts to MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class WarcWriteBenchmark {

    private List<Exchange> exchanges;
    private WarcArchive archive;
    private Path file;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        List<cn.gongkai.engine.extract.PageSource> pages = cn.gongkai.bench.WarcPages.farm();
        Instant t = Instant.parse("2025-09-30T00:00:00Z");
        exchanges = pages.stream().map(p -> new Exchange(URI.create(p.url()), t,
                List.of(Map.entry("User-Agent", CrawlSettings.DEFAULT_USER_AGENT)), 200,
                HttpHeaders.of(Map.of("content-type", List.of(p.contentType())), (a, b) -> true), p.body(),
                false, false, null, t)).toList();
        System.out.printf("%n%d exchanges, mean body %d bytes%n", exchanges.size(),
                (long) pages.stream().mapToInt(p -> p.body().length).average().orElse(0));
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        file = Files.createTempFile("gongkai-bench", ".warc.gz");
        archive = WarcArchive.create(file);
    }

    @Benchmark
    public Object writeExchange() throws IOException {
        Exchange ex = exchanges.get(next);
        next = next + 1 == exchanges.size() ? 0 : next + 1;
        return archive.record(ex);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        archive.close();
        Files.deleteIfExists(file);
    }
}
