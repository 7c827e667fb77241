package cn.gongkai.app.bench;

import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.app.run.AuditRequest;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.fixtures.farm.SiteFarm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One end-to-end campaign over a fresh {@link SiteFarm}: the real audit (crawl, WARC, extraction, rules, run
 * database, workbook and JSON) timed from start to the last output file, with its peak heap and the politeness
 * floor of the same farm.
 */
public final class CampaignBench {

    /** What one campaign measured. */
    public record Result(int sites, int pagesPerSite, int parallel, long pagesFetched, long failures,
                         double wallSeconds, double floorSeconds, double pagesPerSecond, long peakHeapUsedBytes,
                         long peakHeapAfterGcBytes) {
        public double ratio() {
            return wallSeconds / floorSeconds;
        }
    }

    /** The limits a campaign runs with. */
    public record Setup(int sites, int pagesPerSite, int sitesPerIp, Duration latency, Duration hostDelay,
                        Duration ipDelay, int parallel, long seed) {
        SiteFarm.Options farm() {
            return new SiteFarm.Options(sites, pagesPerSite, sitesPerIp, latency, seed);
        }

        CrawlSettings crawl() {
            return CrawlSettings.defaults().withMaxPages(pagesPerSite).withDelay(hostDelay).withIpDelay(ipDelay)
                    .withMaxDepth(50).withMaxUrlsPerPattern(pagesPerSite + 1).withRequestTimeout(Duration.ofSeconds(30))
                    .withRetries(0, Duration.ZERO);
        }
    }

    private final AuditJob job;

    public CampaignBench(AuditJob job) {
        this.job = job;
    }

    /** The floor for a farm: pages plus robots.txt per site, under the setup's politeness. */
    public static Duration floor(SiteFarm farm, Setup setup) {
        List<PolitenessFloor.Site> sites = farm.sites().stream()
                .map(s -> new PolitenessFloor.Site(s.ip(), s.shape().pageCount() + 1)).toList();
        return PolitenessFloor.of(sites, setup.latency(), setup.hostDelay(), setup.ipDelay(), setup.parallel());
    }

    public Result run(Setup setup, String packId, RulePack pack, LocalDate asOf, Path workDir) throws InterruptedException {
        try (SiteFarm farm = SiteFarm.start(setup.farm())) {
            Path dir = workDir.resolve("campaign-" + setup.sites() + "x" + setup.pagesPerSite());
            Path list = farm.writeAgencyList(dir.resolve("agencies.csv"));
            Duration floor = floor(farm, setup);
            long start;
            long end;
            AuditJob.Outcome outcome;
            try (HeapSampler heap = HeapSampler.start();
                 PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
                start = System.nanoTime();
                outcome = job.run(AuditRequest.of(AgencyListReader.read(list), pack, asOf, dir.resolve("out"),
                        setup.crawl(), setup.parallel()).readFrom(list, packId), quiet);
                end = System.nanoTime();
                heap.close();
                long pages = outcome.report().agencies().stream().mapToLong(a -> a.visit().pagesFetched()).sum();
                long failures = outcome.report().agencies().stream().mapToLong(a -> a.visit().failures()).sum();
                double wall = (end - start) / 1e9;
                deleteTree(dir);
                return new Result(setup.sites(), setup.pagesPerSite(), setup.parallel(), pages, failures, wall,
                        floor.toNanos() / 1e9, pages / wall, heap.peakUsed(), heap.peakAfterGc());
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
