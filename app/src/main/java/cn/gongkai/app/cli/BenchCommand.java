package cn.gongkai.app.cli;

import cn.gongkai.app.bench.CampaignBench;
import cn.gongkai.app.bench.CountyBench;
import cn.gongkai.app.bench.WgetMirror;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code gongkai bench}: how fast an audit campaign runs against its politeness floor, against a parallel wget
 * mirror of the same synthetic farm, and how time and heap grow with the number of sites. The stage benchmarks
 * (JMH) are in the {@code bench} module; see BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "性能基准：在本机合成网站群上运行完整测评，与礼貌抓取下限及 wget 并行镜像对比；集约化示例县的测评与 wget 全站镜像对比；并测规模曲线。")
public class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sites", defaultValue = "200", description = "测评网站数（默认 ${DEFAULT-VALUE}）")
    int sites;
    @Option(names = "--pages", defaultValue = "150", description = "每站页面数（默认 ${DEFAULT-VALUE}）")
    int pages;
    @Option(names = "--delay-ms", defaultValue = "200", description = "同一主机两次请求间隔（默认 ${DEFAULT-VALUE} 毫秒）")
    long delayMs;
    @Option(names = "--ip-delay-ms", defaultValue = "0", description = "同一 IP 两次请求间隔（默认 ${DEFAULT-VALUE} 毫秒；同一 IP 始终一次只发一个请求）")
    long ipDelayMs;
    @Option(names = "--latency-ms", defaultValue = "50", description = "合成网站每个请求的响应延迟（默认 ${DEFAULT-VALUE} 毫秒）")
    long latencyMs;
    @Option(names = "--parallel", defaultValue = "50", description = "同时抓取的网站数（默认 ${DEFAULT-VALUE}），wget 同样并行")
    int parallel;
    @Option(names = "--sites-per-ip", defaultValue = "2", description = "共用一个 IP 的相邻网站数（集约化平台，默认 ${DEFAULT-VALUE}）")
    int sitesPerIp;
    @Option(names = "--seed", defaultValue = "1", description = "合成网站群的随机种子")
    long seed;
    @Option(names = "--pack", defaultValue = DemoCommand.PACK, description = "规则包（默认 ${DEFAULT-VALUE}）")
    String packId;
    @Option(names = "--scaling", split = ",", defaultValue = "50,200,800", description = "规模曲线的网站数（默认 ${DEFAULT-VALUE}）")
    List<Integer> scaling;
    @Option(names = "--scaling-pages", defaultValue = "10", description = "规模曲线中每站页面数（默认 ${DEFAULT-VALUE}）")
    int scalingPages;
    @Option(names = "--no-campaign", negatable = false, description = "不运行网站群完整测评（及其 wget 镜像对比）")
    boolean noCampaign;
    @Option(names = "--no-wget", negatable = false, description = "不运行 wget 镜像对比")
    boolean noWget;
    @Option(names = "--no-scaling", negatable = false, description = "不运行规模曲线")
    boolean noScaling;
    @Option(names = "--no-county", negatable = false, description = "不运行集约化示例县的测评与 wget 全站镜像对比")
    boolean noCounty;
    @Option(names = "--county-delay-ms", defaultValue = "20", description = "示例县同一主机两次请求间隔（默认 ${DEFAULT-VALUE} 毫秒），wget 同样等待")
    long countyDelayMs;
    @Option(names = "--out", defaultValue = "out/bench", description = "结果目录（默认 ${DEFAULT-VALUE}），结果写入 bench.json")
    Path out;

    private final AuditJob job;

    BenchCommand(AuditJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        RulePack pack = RulePacks.loadShipped(packId);
        LocalDate asOf = DemoCommand.AS_OF;
        Path work = out.resolve("work");
        Files.createDirectories(work);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", OffsetDateTime.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapBytes", Runtime.getRuntime().maxMemory(),
                "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        CampaignBench.Setup main = setup(sites, pages);
        json.put("settings", Map.of("sites", sites, "pagesPerSite", pages, "hostDelayMs", delayMs, "ipDelayMs", ipDelayMs,
                "latencyMs", latencyMs, "parallel", parallel, "sitesPerIp", sitesPerIp, "seed", seed, "pack", packId,
                "scalingPagesPerSite", scalingPages));
        CampaignBench bench = new CampaignBench(job);
        if (!noCampaign) {
            console.printf("完整测评：%d 个网站 × %d 页，主机间隔 %d 毫秒，并行 %d …%n", sites, pages, delayMs, parallel);
            CampaignBench.Result r = bench.run(main, packId, pack, asOf, work);
            console.println(describe(r));
            json.put("campaign", campaignJson(r));
        }
        if (!noWget && !noCampaign) {
            Optional<Path> wget = WgetMirror.find();
            if (wget.isEmpty()) {
                console.println("未找到 wget，跳过镜像对比 / wget not found on PATH: mirror baseline skipped");
                json.put("wget", Map.of("skipped", "wget not found on PATH"));
            } else {
                console.printf("wget 并行镜像：同一网站群，xargs -P %d …%n", parallel);
                WgetMirror.Result w = WgetMirror.run(wget.get(), main, work);
                console.printf(Locale.ROOT, "  wget：%.1f 秒，%d 个文件，%d 个请求，下限 %.1f 秒，比值 %.2f%n",
                        w.wallSeconds(), w.files(), w.requests(), w.floorSeconds(), w.ratio());
                Map<String, Object> wj = new LinkedHashMap<>();
                wj.put("wallSeconds", w.wallSeconds());
                wj.put("files", w.files());
                wj.put("requests", w.requests());
                wj.put("floorSeconds", w.floorSeconds());
                wj.put("wallOverFloor", w.ratio());
                json.put("wget", wj);
            }
        }
        if (!noCounty) {
            json.put("county", county(pack, work, console));
        }
        if (!noScaling) {
            List<Map<String, Object>> curve = new ArrayList<>();
            for (int n : scaling) {
                console.printf("规模曲线：%d 个网站 × %d 页 …%n", n, scalingPages);
                CampaignBench.Result r = bench.run(setup(n, scalingPages), packId, pack, asOf, work);
                console.println(describe(r));
                curve.add(campaignJson(r));
            }
            json.put("scaling", curve);
        }
        Path file = out.resolve("bench.json");
        Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json),
                StandardCharsets.UTF_8);
        console.println("结果 results: " + file.toAbsolutePath());
        return 0;
    }

    /** The 集约化 county at the default page budget beside a full wget mirror of it (requests, bytes, time). */
    private Map<String, Object> county(RulePack pack, Path work, PrintWriter console) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        Duration delay = Duration.ofMillis(countyDelayMs);
        m.put("hostDelayMs", countyDelayMs);
        if (!cn.gongkai.app.HostsFileLaunch.countyNamesResolve()) {
            console.println("本进程不能解析示例县的主机名，跳过示例县 / the county's names do not resolve here: county skipped");
            m.put("skipped", "the county's host names do not resolve in this JVM (run through gongkai bench)");
            return m;
        }
        console.printf("示例县（33 个单位，门户 + 信息公开平台）：默认抓取预算 %d 页/单位，主机间隔 %d 毫秒 …%n",
                cn.gongkai.crawl.CrawlSettings.defaults().maxPages(), countyDelayMs);
        CountyBench.Audit a = new CountyBench(job).audit(pack, delay, work);
        console.printf(Locale.ROOT, "  测评：%d 个请求，%.1f MB，%.1f 秒；抓到 %d/%d 份基准文档；自动判定项与基准一致 %d/%d%n",
                a.requests(), a.bytes() / 1e6, a.seconds(), a.documentsReached(), a.documents(), a.verdictsMatching(), a.verdicts());
        Map<String, Object> aj = new LinkedHashMap<>();
        aj.put("requests", a.requests());
        aj.put("bytes", a.bytes());
        aj.put("seconds", a.seconds());
        aj.put("documentsReached", a.documentsReached());
        aj.put("documents", a.documents());
        aj.put("verdictsMatchingGroundTruth", a.verdictsMatching());
        aj.put("verdicts", a.verdicts());
        aj.put("differing", a.differing());
        m.put("audit", aj);
        Optional<Path> wget = WgetMirror.find();
        if (wget.isEmpty() || noWget) {
            m.put("wget", Map.of("skipped", wget.isEmpty() ? "wget not found on PATH" : "--no-wget"));
            return m;
        }
        console.println("  wget 全站镜像（两个主机，遵守 robots.txt，同样间隔）…");
        CountyBench.Mirror w = CountyBench.wget(wget.get(), delay, work);
        console.printf(Locale.ROOT, "  wget：%d 个请求，%.1f MB，%.1f 秒，%d 个文件；抓到 %d/%d 份基准文档（列表由脚本或数据接口给出的看不到）%n",
                w.requests(), w.bytes() / 1e6, w.seconds(), w.files(), w.documentsReached(), w.documents());
        console.printf(Locale.ROOT, "  测评请求数为全站镜像的 %.0f%%%n", 100.0 * a.requests() / Math.max(1, w.requests()));
        Map<String, Object> wj = new LinkedHashMap<>();
        wj.put("requests", w.requests());
        wj.put("bytes", w.bytes());
        wj.put("seconds", w.seconds());
        wj.put("files", w.files());
        wj.put("documentsReached", w.documentsReached());
        wj.put("documents", w.documents());
        m.put("wget", wj);
        m.put("auditRequestsOverMirror", (double) a.requests() / Math.max(1, w.requests()));
        return m;
    }

    private CampaignBench.Setup setup(int n, int p) {
        return new CampaignBench.Setup(n, p, sitesPerIp, Duration.ofMillis(latencyMs), Duration.ofMillis(delayMs),
                Duration.ofMillis(ipDelayMs), parallel, seed);
    }

    private static String describe(CampaignBench.Result r) {
        return String.format(Locale.ROOT, "  %d 站：%.1f 秒，%d 页（%.1f 页/秒），%d 处失败，下限 %.1f 秒，比值 %.2f，"
                        + "堆峰值 %d MB（GC 后 %d MB）", r.sites(), r.wallSeconds(), r.pagesFetched(), r.pagesPerSecond(),
                r.failures(), r.floorSeconds(), r.ratio(), r.peakHeapUsedBytes() >> 20, r.peakHeapAfterGcBytes() >> 20);
    }

    private static Map<String, Object> campaignJson(CampaignBench.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", r.sites());
        m.put("pagesPerSite", r.pagesPerSite());
        m.put("parallel", r.parallel());
        m.put("pagesFetched", r.pagesFetched());
        m.put("failures", r.failures());
        m.put("wallSeconds", r.wallSeconds());
        m.put("floorSeconds", r.floorSeconds());
        m.put("wallOverFloor", r.ratio());
        m.put("pagesPerSecond", r.pagesPerSecond());
        m.put("peakHeapUsedMB", r.peakHeapUsedBytes() >> 20);
        m.put("peakHeapAfterGcMB", r.peakHeapAfterGcBytes() >> 20);
        return m;
    }
}
