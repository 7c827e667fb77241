package cn.gongkai.app.run;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.crawl.WarcReplay;
import cn.gongkai.crawl.CrawlCounters;
import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.Audit;
import cn.gongkai.engine.audit.AuditListener;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.Waivers;
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
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

    /** Runs a new audit under a fresh run id. */
    public Outcome run(AuditRequest request, PrintWriter console) throws InterruptedException {
        return run(newRunId(), request, console, AuditListener.NONE);
    }

    /**
     * A new audit under a run id the caller chose (see {@link #newRunId()}), so a web request can answer with the
     * id before the audit ends; {@code watcher} hears every site start and finish as well (live progress). The
     * agency list file and pack reference are stored with the run so that {@link #resume} can carry on after the
     * process died.
     */
    public Outcome run(String runId, AuditRequest request, PrintWriter console, AuditListener watcher)
            throws InterruptedException {
        Path outDir = request.outDir();
        RulePack pack = request.pack();
        Path agenciesFile = request.agenciesFile();
        String previousRunId = request.previousRunId();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new OutputWriteException(null, outDir, e);
        }
        store.started(runId, pack.id(), request.asOf(), outDir.toAbsolutePath().toString());
        store.startedWith(runId, agenciesFile == null ? null : agenciesFile.toAbsolutePath().toString(),
                request.packRef(), new StoredSettings(request.settings(), request.parallelSites()));
        if (previousRunId != null) {
            store.previous(runId, previousRunId);
        }
        // Kept for `gongkai runs`, the web page and the API; a web run recorded its upload when it was submitted.
        if (store.listRead(runId).isEmpty()) {
            store.listRead(runId, agenciesFile == null ? "" : agenciesFile.getFileName().toString(),
                    request.list().agencies().size(), request.list().skipped());
        }
        return execute(runId, request.list(), pack, request.asOf(), outDir, request.settings(), request.parallelSites(),
                console, request.progressEvery(), WarcReplay.none(), outDir.resolve(WARC), false, request.waivers(),
                previousRunId, watcher);
    }

    /**
     * Carries on an audit whose process died (kill -9, power cut): same agency list, pack, date and limits.
     * Responses already in the run's WARC files are replayed instead of fetched again (a truncated last record
     * is ignored); new responses go to the next {@code crawl-NNNNN.warc.gz} in the same folder, so the archive
     * stays complete. Every site is assessed again from what the archive and the new fetches give, and the
     * outputs are rewritten.
     */
    public Outcome resume(String runId, PrintWriter console, Duration progressEvery,
                          java.util.function.Function<LocalDate, Waivers> waiversAsOf) throws InterruptedException {
        return resume(runId, console, progressEvery, waiversAsOf, java.util.function.UnaryOperator.identity(),
                AuditListener.NONE);
    }

    /**
     * Resumes with the stored limits adjusted by {@code adjust} (the web app re-applies its address policy, which
     * is not stored with the run) and {@code watcher} hearing the sites as they go.
     */
    public Outcome resume(String runId, PrintWriter console, Duration progressEvery,
                          java.util.function.Function<LocalDate, Waivers> waiversAsOf,
                          java.util.function.UnaryOperator<CrawlSettings> adjust, AuditListener watcher)
            throws InterruptedException {
        RunStore.Resumable run = store.resumable(runId).orElseThrow(() -> new IllegalArgumentException(
                "没有编号为 " + runId + " 的测评 / no run " + runId));
        if ("DONE".equals(run.status())) {
            throw new IllegalArgumentException("测评 " + runId + " 已完成，无需恢复 / run " + runId + " is finished already");
        }
        if (run.agenciesFile() == null || run.settings() == null || run.packRef() == null) {
            throw new IllegalArgumentException("测评 " + runId + " 未记录单位名单或抓取设置，无法恢复 / run " + runId
                    + " did not record its agency list or crawl settings and cannot be resumed");
        }
        Path outDir = Path.of(run.outDir());
        AgencyList list = AgencyListReader.read(Path.of(run.agenciesFile()));
        RulePack pack = RulePacks.resolve(run.packRef());
        List<Path> warcs = warcFiles(outDir);
        WarcReplay replay = WarcReplay.load(warcs);
        Path next = outDir.resolve(String.format("crawl-%05d.warc.gz", warcs.size()));
        synchronized (console) {
            console.printf("恢复测评 %s：存档中已有 %d 个响应，不再重新抓取；新响应写入 %s%n", runId, replay.loaded(),
                    next.getFileName());
        }
        store.clearSites(runId);
        return execute(runId, list, pack, run.asOf(), outDir, adjust.apply(run.settings().crawl()),
                run.settings().parallel(), console, progressEvery, replay, next, true, waiversAsOf.apply(run.asOf()),
                run.previousRunId(), watcher);
    }

    /**
     * Assesses a stored run again from its WARC files (gongkai reassess): the same agency list and crawl limits, the
     * pack and date given (else the run's own), every page answered from the archive and none fetched; a page the
     * archive does not hold is skipped. The result is a new run, naming the run it came from, with every output an
     * audit writes; its folder holds the source run's WARC files (linked where the file system allows), so its
     * evidence records are at hand.
     *
     * @param pack    the pack to evaluate with, or null for the source run's pack
     * @param packRef how {@code pack} was named (id or folder), stored with the run
     * @param asOf    the assessment date, or null for the source run's
     * @param outDir  the new run's folder, or null for {@code <source folder>-reassess-<new run id>}
     */
    public Outcome reassess(String sourceRunId, RulePack pack, String packRef, LocalDate asOf, Path outDir,
                            PrintWriter console, Duration progressEvery) throws InterruptedException {
        RunStore.Resumable source = store.resumable(sourceRunId).orElseThrow(() -> new IllegalArgumentException(
                "没有编号为 " + sourceRunId + " 的测评 / no run " + sourceRunId));
        if (source.settings() == null || source.packRef() == null) {
            throw new IllegalArgumentException("测评 " + sourceRunId + " 未记录抓取设置或规则包，无法重新测评 / run " + sourceRunId
                    + " did not record its crawl settings or pack and cannot be reassessed");
        }
        Path sourceOut = Path.of(source.outDir());
        List<Path> warcs = warcFiles(sourceOut);
        if (warcs.isEmpty()) {
            throw new IllegalArgumentException("测评 " + sourceRunId + " 的网页存档不在 " + sourceOut + "，无法重新测评 / no WARC file of run "
                    + sourceRunId + " in " + sourceOut);
        }
        if (source.agenciesFile() == null || !Files.isRegularFile(Path.of(source.agenciesFile()))) {
            throw new IllegalArgumentException("找不到测评 " + sourceRunId + " 的单位名单 " + source.agenciesFile()
                    + " / the agency list of run " + sourceRunId + " is gone: " + source.agenciesFile());
        }
        AgencyList list = AgencyListReader.read(Path.of(source.agenciesFile()));
        RulePack used = pack != null ? pack : RulePacks.resolve(source.packRef());
        String usedRef = pack != null ? packRef : source.packRef();
        LocalDate date = asOf != null ? asOf : source.asOf();
        String runId = newRunId();
        Path out = outDir != null ? outDir : sourceOut.resolveSibling(sourceOut.getFileName() + "-reassess-" + runId);
        if (out.toAbsolutePath().normalize().equals(sourceOut.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out 不能是源测评的目录 " + sourceOut + " / --out must not be the source run's folder");
        }
        try {
            Files.createDirectories(out);
            for (Path w : warcs) {
                linkOrCopy(w, out.resolve(w.getFileName()));
            }
        } catch (IOException e) {
            throw new OutputWriteException(null, out, e);
        }
        WarcReplay archive = WarcReplay.archiveOnly(warcs);
        synchronized (console) {
            console.printf("重新测评 %s（源测评 %s，存档中 %d 个响应，不联网抓取）：规则包 %s，测评基准日 %s%n", runId, sourceRunId,
                    archive.loaded(), used.id(), date);
        }
        store.started(runId, used.id(), date, out.toAbsolutePath().toString());
        store.startedWith(runId, source.agenciesFile(), usedRef, source.settings());
        store.reassessedFrom(runId, sourceRunId);
        store.listRead(runId, Path.of(source.agenciesFile()).getFileName().toString(), list.agencies().size(),
                list.skipped());
        // Nothing is fetched, so nothing is archived: the writer only gets the warcinfo record, dropped afterwards.
        Path unused = out.resolve("reassess-" + runId + ".warc.gz");
        try {
            return execute(runId, list, used, date, out, source.settings().crawl(), source.settings().parallel(), console,
                    progressEvery, archive, unused, false, Waivers.NONE, null, AuditListener.NONE);
        } finally {
            try {
                Files.deleteIfExists(unused);
            } catch (IOException e) {
                // a stray warcinfo-only file does no harm
            }
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    /** The run's WARC files in the order they were written: crawl.warc.gz, crawl-00001.warc.gz, … */
    static List<Path> warcFiles(Path outDir) {
        List<Path> out = new ArrayList<>();
        if (Files.exists(outDir.resolve(WARC))) {
            out.add(outDir.resolve(WARC));
        }
        for (int i = 1; Files.exists(outDir.resolve(String.format("crawl-%05d.warc.gz", i))); i++) {
            out.add(outDir.resolve(String.format("crawl-%05d.warc.gz", i)));
        }
        return out;
    }

    private Outcome execute(String runId, AgencyList list, RulePack pack, LocalDate asOf, Path outDir,
                            CrawlSettings settings, int parallelSites, PrintWriter console, Duration progressEvery,
                            WarcReplay replay, Path warcFile, boolean resumed, Waivers waivers, String previousRunId,
                            AuditListener watcher)
            throws InterruptedException {
        // Read before crawling: a bad --previous run id fails at once, not after hours of crawling.
        AuditReport previous = previousRunId == null ? null : runs.loadReviewed(previousRunId);
        OpenOption[] logMode = resumed
                ? new OpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new OpenOption[]{StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(outDir.resolve(LOG), StandardCharsets.UTF_8, logMode), true);
             WarcArchive archive = WarcArchive.create(warcFile);
             ProgressReporter progress = new ProgressReporter(console, progressEvery)) {
            log.printf("%s %s pack %s as-of %s agencies %d warc %s%n", resumed ? "resume run" : "run", runId, pack.id(),
                    asOf, list.agencies().size(), warcFile.getFileName());
            list.skippedRows().forEach(r -> log.println("跳过 / skipped: " + r));
            AuditListener stored = store.recorder(runId);
            AuditReport report = new Audit(pack, settings, parallelSites, waivers).run(runId, list.agencies(), asOf, archive,
                    replay, new AuditListener() {
                        @Override
                        public void started(int sites, CrawlCounters counters) {
                            progress.started(sites, counters);
                            watcher.started(sites, counters);
                        }

                        @Override
                        public void siteStarted(Agency agency) {
                            watcher.siteStarted(agency);
                        }

                        @Override
                        public void siteCrawled(Agency agency, SiteCrawl crawl, List<ExtractedPage> pages) {
                            stored.siteCrawled(agency, crawl, pages);
                            watcher.siteCrawled(agency, crawl, pages);
                            synchronized (log) {
                                crawl.failures().forEach(f -> log.printf("抓取失败 / fetch failed: %s %s (%s) from %s%n",
                                        agency.name(), f.url(), f.error(), f.referrer()));
                                crawl.skipped().stream().filter(AuditJob::worthLogging).forEach(sk ->
                                        log.printf("未抓取 / skipped: %s %s%n", agency.name(), sk));
                                crawl.notes().forEach(n -> log.printf("注意 / note: %s %s%n", agency.name(), n));
                                pages.stream().filter(ExtractedPage::unreadable).forEach(p -> log.printf(
                                        "无法读取 / unreadable: %s %s（%s）%n", agency.name(), p.url(), p.reason()));
                                pages.stream().filter(ExtractedPage::truncated).forEach(p -> log.printf(
                                        "文本截断 / text cut: %s %s（%s）%n", agency.name(), p.url(), p.reason()));
                            }
                        }

                        @Override
                        public void agencyAssessed(AgencyResult r) {
                            stored.agencyAssessed(r);
                            progress.siteDone();
                            watcher.agencyAssessed(r);
                            String line = String.format("  %s：%d 页，%d 处抓取失败，得分 %s / %s%s",
                                    r.agency().name(), r.visit().pagesFetched(), r.visit().failures(),
                                    Score.format(r.score()), Score.format(r.maxScore()),
                                    r.visit().reachable() ? r.visit().interruption() == null ? ""
                                            : "（抓取中途中断：" + r.visit().interruption() + "，得分不完整 / partial score）"
                                            : "（网站无法访问：" + r.visit().error() + "）");
                            synchronized (console) {
                                console.println(line);
                            }
                            synchronized (log) {
                                log.println(line);
                            }
                        }
                    });
            store.ranked(runId, report.agencies());
            new ReportWriter().writeAll(report, ReportContext.none().withPages(store.evidencePages(runId, report)).withPrevious(previous),
                    outDir);
            store.finished(runId, "DONE", null);
            log.println("完成 / done");
            return new Outcome(runId, report, outDir);
        } catch (IOException | UncheckedIOException e) {
            // Disk full or folder unwritable: FAILED (not DONE) keeps the run resumable from its WARC.
            store.finished(runId, "FAILED", e.toString());
            throw new OutputWriteException(runId, outDir, e instanceof UncheckedIOException u ? u.getCause() : e);
        } catch (RuntimeException | InterruptedException e) {
            store.finished(runId, "FAILED", e.toString());
            throw e;
        }
    }

    /** Skips that say something about the site (traps, storms, budgets), not the routine out-of-scope links. */
    private static boolean worthLogging(String skip) {
        return !skip.endsWith(" — out of scope");
    }

    /** A fresh run id: date, time and a random suffix. */
    public static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}
