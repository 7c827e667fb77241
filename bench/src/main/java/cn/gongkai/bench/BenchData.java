package cn.gongkai.bench;

import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.crawl.SiteCrawler;
import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.Audit;
import cn.gongkai.engine.audit.AuditListener;
import cn.gongkai.engine.extract.PageSource;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.FixtureSite;
import cn.gongkai.fixtures.farm.SiteFarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the stage benchmarks work on, made the way an audit makes it: pages crawled from the fixture sites and a
 * site farm over loopback (no delay), the real pages of {@code engine/src/test/resources/real-pages}, and the audit results
 * (facts, findings) of fixture and farm agencies.
 */
final class BenchData {

    static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
    private static final CrawlSettings FAST = CrawlSettings.defaults().withDelay(Duration.ZERO).withIpDelay(Duration.ZERO)
            .withMaxPages(200).withMaxDepth(50).withMaxUrlsPerPattern(200);

    private BenchData() {
    }

    /** HTML pages of {@code sites} farm sites of {@code pages} pages each, as crawled. */
    static List<PageSource> farmPages(int sites, int pages) {
        try (SiteFarm farm = SiteFarm.start(new SiteFarm.Options(sites, pages, 2, Duration.ZERO, 1))) {
            return crawl(farm.sites().stream().map(SiteFarm.Site::url).toList(), true);
        }
    }

    /** Every page of {@code sites} farm sites, attachments included, as crawled. */
    static List<PageSource> farmPagesWithAttachments(int sites, int pages) {
        try (SiteFarm farm = SiteFarm.start(new SiteFarm.Options(sites, pages, 2, Duration.ZERO, 1))) {
            return crawl(farm.sites().stream().map(SiteFarm.Site::url).toList(), false);
        }
    }

    /** HTML pages of the five fixture agency sites, as crawled. */
    static List<PageSource> fixturePages() {
        try (FixtureServer server = FixtureServer.start()) {
            return crawl(server.sites().stream().map(s -> server.siteUrl(s.id())).toList(), true);
        }
    }

    /** The saved real government pages (HTML) of the engine's tests: {@code -Dgongkai.realPages=DIR}. */
    static List<PageSource> realPages() {
        Path dir = Path.of(System.getProperty("gongkai.realPages", "../engine/src/test/resources/real-pages"));
        try (Stream<Path> files = Files.list(dir)) {
            List<PageSource> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                out.add(new PageSource("https://www.gov.cn/real/" + f.getFileName(), "text/html", Files.readAllBytes(f),
                        Instant.parse("2025-09-30T00:00:00Z"), null));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no real pages in " + dir.toAbsolutePath());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read real pages in " + dir.toAbsolutePath(), e);
        }
    }

    private static List<PageSource> crawl(List<URI> seeds, boolean htmlOnly) {
        Path tmp = tempFile();
        try (WarcArchive archive = WarcArchive.create(tmp)) {
            SiteCrawler crawler = new SiteCrawler(FAST, archive);
            List<PageSource> out = new ArrayList<>();
            for (URI seed : seeds) {
                SiteCrawl crawl = crawler.crawl(seed);
                for (FetchedPage p : crawl.pages()) {
                    if (!htmlOnly || (p.contentType() != null && p.contentType().startsWith("text/html"))) {
                        out.add(new PageSource(p.url(), p.contentType(), p.body(), p.fetchedAt(), p.warcRecordId()));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not crawl the benchmark sites", e);
        } finally {
            delete(tmp);
        }
    }

    /** Audit results (facts and findings) of the five fixture agencies and {@code farmSites} farm agencies. */
    static List<AgencyResult> auditResults(int farmSites) {
        Path tmp = tempFile();
        try (FixtureServer server = FixtureServer.start();
             SiteFarm farm = SiteFarm.start(new SiteFarm.Options(farmSites, 60, 2, Duration.ZERO, 1));
             WarcArchive archive = WarcArchive.create(tmp)) {
            List<Agency> agencies = new ArrayList<>();
            for (FixtureSite s : server.sites()) {
                agencies.add(new Agency(s.name(), server.siteUrl(s.id()).toString(),
                        s.type().equals("政府") ? AgencyType.GOVERNMENT : AgencyType.DEPARTMENT, s.tier()));
            }
            for (SiteFarm.Site s : farm.sites()) {
                agencies.add(new Agency(s.shape().name(), s.url().toString(), AgencyType.DEPARTMENT, "部门"));
            }
            return new Audit(RulePacks.loadShipped("cn-regulation-2019"), FAST, 4)
                    .run("bench", agencies, AS_OF, archive, AuditListener.NONE).agencies();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(tmp);
        }
    }

    static Path tempFile() {
        try {
            return Files.createTempFile("gongkai-bench", ".warc.gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
