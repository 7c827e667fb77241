package cn.gongkai.app.web;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.app.agency.AgencyListException;
import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.agency.SkippedRow;
import cn.gongkai.app.run.RunStore;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.app.run.AuditRequest;
import cn.gongkai.crawl.CrawlCounters;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.crawl.TargetPolicy;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditListener;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.Waivers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Self-checks started from the web: checks the request against the limits and the address policy, writes the
 * agency list beside the run's outputs (so the run can be resumed), and runs {@link AuditJob} on a worker thread
 * while keeping live progress in memory and, site by site, in {@code web_run}.
 */
@Service
@ConditionalOnWebApplication
public class SelfChecks {

    private static final Logger log = LoggerFactory.getLogger(SelfChecks.class);

    /**
     * What a caller asks for: one site ({@code url}) or a list of agencies, already read; {@code list} is the
     * uploaded list they came from, with its skipped rows, and {@code listFile} its name as uploaded
     * ({@code null} both when no list was uploaded).
     */
    public record Request(String url, String name, List<Agency> agencies, String pack, LocalDate asOf, Integer maxPages,
                          String listFile, AgencyList list) {

        public Request(String url, String name, List<Agency> agencies, String pack, LocalDate asOf, Integer maxPages) {
            this(url, name, agencies, pack, asOf, maxPages, null, null);
        }

        /** A request auditing the agencies of the list uploaded as {@code file}. */
        public static Request of(String file, AgencyList list, String pack, LocalDate asOf, Integer maxPages) {
            return new Request(null, null, list.agencies(), pack, asOf, maxPages, file, list);
        }
    }

    /**
     * Progress and state of a run, as the status endpoint and the progress page show it; {@code agencyList}: how
     * the uploaded or given agency list was read, with the rows that were skipped ({@code null} if not recorded).
     */
    public record Status(String runId, String state, String stateLabel, String target, String pack, LocalDate asOf,
                         int sitesTotal, int sitesDone, long pages, long failures, List<String> currentSites,
                         String error, boolean resumable, ListRead agencyList) {

        /** Rows of the agency list that were not audited (0 when nothing was recorded). */
        public int skippedCount() {
            return agencyList == null ? 0 : agencyList.skipped();
        }
    }

    /**
     * How an agency list was read, as the API returns it: the file as uploaded, agencies taken, rows skipped
     * ({@code skippedRows} lists at most the first {@value RunStore#MAX_SKIPPED_ROWS_KEPT}).
     */
    public record ListRead(String file, int agencies, int skipped, List<Skipped> skippedRows) {

        static ListRead of(RunStore.ListRead l) {
            return new ListRead(l.file(), l.agencies(), l.total(), l.rows().stream().map(Skipped::of).toList());
        }
    }

    /**
     * One skipped row: file, sheet ({@code null} for CSV), 1-based row and column, the cell in A1 form, the cell's
     * value as the file had it, where it is in Chinese (第4行第1列 / 工作表“名单”单元格 B5) and the reason.
     */
    public record Skipped(String file, String sheet, int row, int column, String cell, String value, String where,
                          String zh, String en) {

        static Skipped of(SkippedRow r) {
            return new Skipped(r.file(), r.sheet(), r.row(), r.column(), r.cell(), r.value(), r.whereZh(), r.zh(), r.en());
        }
    }

    private final AuditJob job;
    private final RunStore store;
    private final WebRuns runs;
    private final WebSettings settings;
    private final PackLibrary packs;
    private final Path dataDir;
    private final TargetPolicy policy;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gongkai-web-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.Future<?>> futures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> activeByClient = new ConcurrentHashMap<>();

    SelfChecks(AuditJob job, RunStore store, WebRuns runs, WebSettings settings, PackLibrary packs,
               @Value("${gongkai.data-dir}") String dataDir, Optional<TargetPolicy.Resolver> resolver) {
        this.job = job;
        this.store = store;
        this.runs = runs;
        this.settings = settings;
        this.packs = packs;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        this.policy = TargetPolicy.publicOnly(resolver.orElse(TargetPolicy.Resolver.SYSTEM),
                settings.allowLoopbackTargets(), settings.allowPrivateTargets());
    }

    /** Runs a previous server process left unfinished are shown as interrupted (and can be resumed). */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        int n = runs.markInterrupted();
        if (n > 0) {
            log.warn("{} 个测评在上次服务停止时未完成，已标为“已中断”，可在页面上恢复", n);
        }
    }

    TargetPolicy policy() {
        return policy;
    }

    /** Checks the request and starts the audit; returns the run id at once. */
    public String start(Request req, String owner, String client) {
        RulePack pack = packs.resolve(req.pack());
        LocalDate asOf = req.asOf() == null ? LocalDate.now() : req.asOf();
        int budget = req.maxPages() == null ? settings.defaultPageBudget() : req.maxPages();
        if (budget < 1 || budget > settings.maxPageBudget()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST,
                    "每个网站的页面预算须在 1 到 " + settings.maxPageBudget() + " 之间（请求为 " + budget + "）",
                    "page budget must be between 1 and " + settings.maxPageBudget() + " (asked " + budget + ")");
        }
        List<Agency> agencies = req.agencies() != null && !req.agencies().isEmpty() ? req.agencies()
                : List.of(single(req.url(), req.name()));
        if (agencies.size() > settings.maxAgencies()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST,
                    "单位名单过长：" + agencies.size() + " 个，最多 " + settings.maxAgencies() + " 个",
                    "agency list too long: " + agencies.size() + " agencies, at most " + settings.maxAgencies());
        }
        List<String> refused = new ArrayList<>();
        List<SkippedRow> refusedRows = new ArrayList<>();
        List<Agency> allowed = new ArrayList<>();
        for (Agency a : agencies) {
            Optional<String> reason = a.entryUrls().stream().map(u -> checkUrl(u).map(r -> u.equals(a.url()) ? r
                    : "信息公开地址 " + u + "：" + r)).flatMap(Optional::stream).findFirst();
            if (reason.isEmpty()) {
                allowed.add(a);
                continue;
            }
            refused.add(a.name() + " " + a.url() + "：" + reason.get());
            if (req.list() != null) {
                String why = reason.get().substring(reason.get().indexOf(" / ") + 3);  // checkUrl gives "中文 / English"
                refusedRows.add(req.list().skip(a, req.listFile(), "目标地址不允许访问（内网、本机或元数据地址）",
                        "target address not allowed (private, loopback or metadata address): " + why));
            }
        }
        // An uploaded list loses only its refused rows, named like the rows the reader skipped, and the rest is
        // audited; one site typed in, agencies sent as JSON, or a list with nothing left is refused whole.
        if (!refused.isEmpty() && (req.list() == null || allowed.isEmpty())) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "目标地址不允许访问（内网、本机或元数据地址）",
                    "target address not allowed (private, loopback or metadata address)", refused);
        }
        agencies = List.copyOf(allowed);
        AtomicInteger active = activeByClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (active.incrementAndGet() > settings.maxRunsPerClient()) {
            active.decrementAndGet();
            throw new WebProblem(HttpStatus.TOO_MANY_REQUESTS,
                    "您已有 " + settings.maxRunsPerClient() + " 个测评正在进行，请等其完成后再发起",
                    "you already have " + settings.maxRunsPerClient() + " runs going; wait for one to finish");
        }
        String runId = AuditJob.newRunId();
        try {
            Path outDir = dataDir.resolve("web-runs").resolve(runId);
            Files.createDirectories(outDir);
            Path listFile = outDir.resolve("agencies.csv");
            writeList(listFile, agencies);
            // The clean copy has no bad rows: the upload's skipped rows go with the run (web page, API, audit.log).
            List<SkippedRow> skipped = new ArrayList<>(req.list() == null ? List.of() : req.list().skipped());
            skipped.addAll(refusedRows);
            AgencyList list = AgencyListReader.read(listFile).withSkipped(skipped);
            String target = agencies.size() == 1 ? agencies.get(0).url() : "单位名单（" + agencies.size() + " 个单位）";
            String packRef = packs.ref(pack.id());
            runs.insert(runId, owner, client, target, pack.id(), asOf, budget, agencies.size());
            // Recorded for every web run (no file name: no list was uploaded), so the audit records nothing of its own.
            store.listRead(runId, req.list() == null ? "" : req.listFile(), agencies.size(), skipped);
            Live l = new Live(runId, agencies.size());
            live.put(runId, l);
            CrawlSettings crawl = crawlSettings().withMaxPages(budget);
            futures.put(runId, workers.submit(() -> execute(l, client, () -> job.run(runId,
                    AuditRequest.of(list, pack, asOf, outDir, crawl, settings.parallelSites()).readFrom(listFile, packRef),
                    quietConsole(), l))));
            return runId;
        } catch (IOException e) {
            active.decrementAndGet();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            active.decrementAndGet();
            throw e;
        }
    }

    /** Carries on an interrupted run: what the archive holds is replayed, the rest fetched. */
    public void resume(String runId, String client) {
        WebRuns.Row row = runs.find(runId).orElseThrow(() -> WebProblem.notFound(runId));
        if (!"INTERRUPTED".equals(row.state()) && !"FAILED".equals(row.state())) {
            throw new WebProblem(HttpStatus.CONFLICT, "测评 " + runId + " 的状态为“" + label(row.state()) + "”，无需恢复",
                    "run " + runId + " is " + row.state() + " and cannot be resumed");
        }
        AtomicInteger active = activeByClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (active.incrementAndGet() > settings.maxRunsPerClient()) {
            active.decrementAndGet();
            throw new WebProblem(HttpStatus.TOO_MANY_REQUESTS, "您已有 " + settings.maxRunsPerClient() + " 个测评正在进行",
                    "you already have " + settings.maxRunsPerClient() + " runs going");
        }
        Live l = new Live(runId, row.sitesTotal());
        live.put(runId, l);
        runs.progress(runId, "QUEUED", 0, 0, 0, null);
        futures.put(runId, workers.submit(() -> execute(l, client, () -> job.resume(runId, quietConsole(), Duration.ZERO,
                d -> Waivers.NONE, s -> s.withTargetPolicy(policy), l))));
    }

    private interface Work {
        AuditJob.Outcome run() throws InterruptedException;
    }

    private void execute(Live l, String client, Work work) {
        try {
            runs.progress(l.runId, "RUNNING", 0, 0, 0, null);
            work.run();
            runs.ended(l.runId, "DONE", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.ended(l.runId, "INTERRUPTED", e.toString());
        } catch (RuntimeException | Error e) {
            log.error("测评 {} 失败", l.runId, e);
            runs.ended(l.runId, "FAILED", e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            l.saveTotals();
            live.remove(l.runId);
            activeByClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Waits for a run started by this process to end (tests, and an orderly shutdown). */
    void awaitEnd(String runId, Duration max) throws Exception {
        java.util.concurrent.Future<?> f = futures.get(runId);
        if (f != null) {
            f.get(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** The run's state: live while it runs here, else as last saved. Empty if it is not a web run. */
    public Optional<Status> status(String runId) {
        return runs.find(runId).map(row -> {
            Live l = live.get(runId);
            boolean running = l != null && !"DONE".equals(row.state()) && !"FAILED".equals(row.state());
            return new Status(runId, row.state(), label(row.state()), row.target(), row.packRef(), row.asOf(),
                    row.sitesTotal(), running ? l.done.get() : row.sitesDone(),
                    running && l.counters != null ? l.counters.pages() : row.pages(),
                    running && l.counters != null ? l.counters.failures() : row.failures(),
                    running ? List.copyOf(l.current) : row.currentSite() == null ? List.of() : List.of(row.currentSite()),
                    row.error(), "INTERRUPTED".equals(row.state()) || "FAILED".equals(row.state()), listRead(runId));
        });
    }

    /**
     * How the run's agency list was read, with its skipped rows; {@code null} if that was not recorded or no list
     * file was given (one site typed in, or agencies sent as JSON).
     */
    ListRead listRead(String runId) {
        return store.listRead(runId).filter(l -> l.file() != null && !l.file().isBlank()).map(ListRead::of).orElse(null);
    }

    static String label(String state) {
        return switch (state) {
            case "QUEUED" -> "排队中";
            case "RUNNING" -> "进行中";
            case "DONE" -> "已完成";
            case "FAILED" -> "失败";
            case "INTERRUPTED" -> "已中断";
            default -> state;
        };
    }

    /** Why the crawler would refuse {@code url}, or empty; also rejects what is not an http(s) URL. */
    Optional<String> checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("不是有效的网址 / not a valid URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                || uri.getHost() == null) {
            return Optional.of("只能检查 http:// 或 https:// 网址 / only http:// and https:// URLs");
        }
        return policy.refusal(uri).map(r -> "不允许的目标地址 / " + r);
    }

    private Agency single(String url, String name) {
        if (url == null || url.isBlank()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "请填写网站地址或上传单位名单",
                    "give a site URL or an agency list");
        }
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        Optional<String> bad = checkUrl(u);
        if (bad.isPresent() && bad.get().startsWith("只能") || bad.isPresent() && bad.get().startsWith("不是")) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "网址无法使用：" + u, "unusable URL: " + u, List.of(bad.get()));
        }
        String host = URI.create(u).getHost();
        return new Agency(name == null || name.isBlank() ? host : name.strip(), u, AgencyType.DEPARTMENT, null);
    }

    /**
     * Reads an uploaded agency list (CSV/XLSX): its agencies and the rows skipped, named by the file's uploaded
     * name; a list with no usable row is a problem naming the file and every row at fault.
     */
    AgencyList readList(String fileName, byte[] bytes) {
        if (bytes.length > settings.maxUploadBytes()) {
            throw tooLarge(fileName, bytes.length);
        }
        String lower = fileName == null ? "" : fileName.toLowerCase();
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "单位名单须为 CSV 或 XLSX 文件：" + fileName,
                    "the agency list must be a CSV or XLSX file: " + fileName);
        }
        try {
            Path tmp = Files.createTempFile("agencies-", lower.endsWith(".csv") ? ".csv" : ".xlsx");
            try {
                Files.write(tmp, bytes);
                AgencyList list = AgencyListReader.read(tmp);
                return list.withSkipped(list.skipped().stream().map(r -> r.inFile(fileName)).toList());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (AgencyListException e) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "单位名单 " + fileName + " 无法使用",
                    "agency list " + fileName + " cannot be used", e.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebProblem tooLarge(String fileName, long size) {
        return new WebProblem(HttpStatus.PAYLOAD_TOO_LARGE,
                "文件 " + fileName + " 过大：" + size + " 字节，上限 " + settings.maxUploadBytes() + " 字节",
                "file " + fileName + " too large: " + size + " bytes, limit " + settings.maxUploadBytes());
    }

    long maxUploadBytes() {
        return settings.maxUploadBytes();
    }

    CrawlSettings crawlSettings() {
        Duration delay = Duration.ofMillis(settings.delayMs());
        return CrawlSettings.defaults().withDelay(delay).withTargetPolicy(policy);
    }

    private static void writeList(Path file, List<Agency> agencies) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            csv.printRecord("单位名称", "网站地址", "单位类型", "层级", "信息公开地址");
            for (Agency a : agencies) {
                csv.printRecord(a.name(), a.url(), a.type() == null ? "" : a.type().label(), a.tier(),
                        String.join("\n", a.disclosureUrls()));
            }
        }
    }

    private static PrintWriter quietConsole() {
        return new PrintWriter(Writer.nullWriter());
    }

    /** Live progress of one run, fed by the audit's listener on crawl worker threads. */
    private final class Live implements AuditListener {
        final String runId;
        final int total;
        final AtomicInteger done = new AtomicInteger();
        final Set<String> current = ConcurrentHashMap.newKeySet();
        volatile CrawlCounters counters;

        Live(String runId, int total) {
            this.runId = runId;
            this.total = total;
        }

        @Override
        public void started(int sites, CrawlCounters c) {
            counters = c;
        }

        @Override
        public void siteStarted(Agency agency) {
            current.add(agency.name() + " " + agency.url());
            save("RUNNING");
        }

        @Override
        public void siteCrawled(Agency agency, SiteCrawl crawl, List<ExtractedPage> pages) {
            current.remove(agency.name() + " " + agency.url());
        }

        @Override
        public void agencyAssessed(AgencyResult result) {
            done.incrementAndGet();
            save("RUNNING");
        }

        /** Final totals once the run ended; keeps the state {@code ended()} set. */
        synchronized void saveTotals() {
            CrawlCounters c = counters;
            runs.find(runId).ifPresent(row -> runs.progress(runId, row.state(), done.get(),
                    c == null ? row.pages() : c.pages(), c == null ? row.failures() : c.failures(), null));
        }

        synchronized void save(String state) {
            CrawlCounters c = counters;
            String now = current.isEmpty() ? null : String.join("；", current);
            runs.progress(runId, state, done.get(), c == null ? 0 : c.pages(), c == null ? 0 : c.failures(), now);
        }
    }
}
