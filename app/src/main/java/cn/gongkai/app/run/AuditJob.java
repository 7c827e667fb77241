package cn.gongkai.app.run;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.Audit;
import cn.gongkai.engine.audit.AuditListener;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.score.Score;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.report.ReportContext;
import cn.gongkai.report.ReportWriter;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One batch audit from agency list to output folder: crawl into {@code crawl.warc.gz}, store every site in
 * the run database as it finishes, then write the workbook and JSON.
 */
@Service
public class AuditJob {

    public static final String WARC = "crawl.warc.gz";
    public static final String LOG = "audit.log";

    private final RunStore store;
    private final StoredRuns runs;

    AuditJob(RunStore store, StoredRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    /** What a finished audit left behind. */
    public record Outcome(String runId, AuditReport report, Path outDir) {
        public Path workbook() {
            return outDir.resolve(ReportWriter.WORKBOOK);
        }

        public Path findings() {
            return outDir.resolve(ReportWriter.FINDINGS);
        }

        public Path html() {
            return outDir.resolve(ReportWriter.HTML);
        }

        public Path facts() {
            return outDir.resolve(ReportWriter.FACTS);
        }

        public Path warc() {
            return outDir.resolve(WARC);
        }

        public Path log() {
            return outDir.resolve(LOG);
        }
    }

    public Outcome run(AgencyList list, RulePack pack, LocalDate asOf, Path outDir, CrawlSettings settings,
                       int parallelSites, PrintWriter console) throws InterruptedException {
        return run(list, pack, asOf, outDir, settings, parallelSites, console, null);
    }

    /**
     * Runs the audit; with {@code previousRunId} the workbook compares with that run (变化 columns and the
     * 进步与退步 sheet).
     */
    public Outcome run(AgencyList list, RulePack pack, LocalDate asOf, Path outDir, CrawlSettings settings,
                       int parallelSites, PrintWriter console, String previousRunId) throws InterruptedException {
        AuditReport previous = previousRunId == null ? null : runs.loadReviewed(previousRunId);
        String runId = newRunId();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建输出目录 / cannot create output folder " + outDir, e);
        }
        store.started(runId, pack.id(), asOf, outDir.toAbsolutePath().toString());
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(outDir.resolve(LOG), StandardCharsets.UTF_8), true);
             WarcArchive archive = WarcArchive.create(outDir.resolve(WARC))) {
            log.printf("run %s pack %s as-of %s agencies %d%n", runId, pack.id(), asOf, list.agencies().size());
            list.skippedRows().forEach(r -> log.println("跳过 / skipped: " + r));
            AuditListener stored = store.recorder(runId);
            AuditReport report = new Audit(pack, settings, parallelSites).run(runId, list.agencies(), asOf, archive,
                    new AuditListener() {
                        @Override
                        public void siteCrawled(Agency agency, SiteCrawl crawl, List<ExtractedPage> pages) {
                            stored.siteCrawled(agency, crawl, pages);
                            synchronized (log) {
                                crawl.failures().forEach(f -> log.printf("抓取失败 / fetch failed: %s %s (%s) from %s%n",
                                        agency.name(), f.url(), f.error(), f.referrer()));
                            }
                        }

                        @Override
                        public void agencyAssessed(AgencyResult r) {
                            stored.agencyAssessed(r);
                            String line = String.format("  %s：%d 页，%d 处抓取失败，得分 %s / %s%s",
                                    r.agency().name(), r.visit().pagesFetched(), r.visit().failures(),
                                    Score.format(r.score()), Score.format(r.maxScore()),
                                    r.visit().reachable() ? "" : "（网站无法访问：" + r.visit().error() + "）");
                            synchronized (console) {
                                console.println(line);
                            }
                            synchronized (log) {
                                log.println(line);
                            }
                        }
                    });
            store.ranked(runId, report.agencies());
            if (previousRunId != null) {
                store.previous(runId, previousRunId);
            }
            new ReportWriter().writeAll(report, ReportContext.none().withPages(store.evidencePages(runId, report)).withPrevious(previous),
                    outDir);
            store.finished(runId, "DONE", null);
            log.println("完成 / done");
            return new Outcome(runId, report, outDir);
        } catch (IOException e) {
            store.finished(runId, "FAILED", e.toString());
            throw new UncheckedIOException("写入输出失败 / cannot write outputs in " + outDir, e);
        } catch (RuntimeException | InterruptedException e) {
            store.finished(runId, "FAILED", e.toString());
            throw e;
        }
    }

    private static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}
