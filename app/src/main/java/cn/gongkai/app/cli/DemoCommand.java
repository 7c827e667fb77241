package cn.gongkai.app.cli;

import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.app.run.AuditRequest;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.county.County;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code gongkai demo}: audits the built-in fixture agencies, served on loopback, with the default pack and a
 * fixed assessment date. Needs no network.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "启动内置示例网站（本机回环地址）和集约化示例县（门户 + 信息公开平台，33 个单位），按默认规则包测评，并输出测评表等结果。无需联网。")
public class DemoCommand implements Callable<Integer> {

    /** The pack and date the fixture sites' ground truth is written for. */
    public static final String PACK = "cn-regulation-2019";
    public static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "输出目录（默认 ${DEFAULT-VALUE}）", defaultValue = "out/demo")
    Path out;

    private final AuditJob job;

    DemoCommand(AuditJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        try (FixtureServer server = FixtureServer.start()) {
            Path list = server.writeAgencyList(out.resolve("agencies.csv"));
            console.printf("示例网站已在本机启动（%d 个），单位名单：%s%n", server.sites().size(), list.toAbsolutePath());
            console.printf("规则包 %s，测评基准日 %s%n", PACK, AS_OF);
            AuditJob.Outcome outcome = job.run(AuditRequest.of(AgencyListReader.read(list), RulePacks.loadShipped(PACK),
                    AS_OF, out, demoSettings(), 6).readFrom(list, PACK).withProgressEvery(Duration.ofSeconds(5)), console);
            Outputs.print(console, outcome);
        }
        county(console);
        return 0;
    }

    /**
     * The second example: 湘江市青岚县, a county built as counties are since 集约化 (a portal with thousands of
     * pages, its 信息公开 platform on a second host, 33 units as column trees of it), audited at the default page
     * budget. Its host names resolve only in a JVM started with its hosts file, as {@code gongkai demo} is.
     */
    private void county(PrintWriter console) throws InterruptedException {
        console.println();
        if (!cn.gongkai.app.HostsFileLaunch.countyNamesResolve()) {
            console.println("示例县的主机名在本进程中无法解析，跳过集约化示例县（请用 ./gongkai demo 运行）"
                    + " / the county's host names do not resolve in this JVM: county example skipped");
            return;
        }
        Path dir = out.resolve("county");
        try (County county = County.start()) {
            Path list = county.writeAgencyList(dir.resolve("agencies.csv"));
            console.printf("示例县 %s：门户 %s，信息公开平台 %s，%d 个单位（县政府、部门、乡镇街道），单位名单：%s%n",
                    "湘江市青岚县", county.portalUrl(), county.platformUrl(), county.units().size(), list.toAbsolutePath());
            AuditJob.Outcome outcome = job.run(AuditRequest.of(AgencyListReader.read(list), RulePacks.loadShipped(PACK),
                    AS_OF, dir, countySettings(), 4).readFrom(list, PACK).withProgressEvery(Duration.ofSeconds(5)), console);
            Outputs.print(console, outcome);
            console.printf("示例县共收到 %d 个请求（门户 %d，信息公开平台 %d），全站约 %d 个网址%n", county.requests(),
                    county.requestsPerHost().get(County.PORTAL_HOST), county.requestsPerHost().get(County.PLATFORM_HOST),
                    county.size());
        }
    }

    /** The default page budget (what the county's ground truth is written for), paced for loopback. */
    static cn.gongkai.crawl.CrawlSettings countySettings() {
        return cn.gongkai.crawl.CrawlSettings.defaults().withDelay(Duration.ofMillis(2)).withIpDelay(Duration.ZERO)
                .withRequestTimeout(Duration.ofSeconds(10)).withRetries(1, Duration.ofMillis(100));
    }

    /** Polite in form (robots.txt, per-host delay) but quick: the fixture sites are on this machine. */
    static cn.gongkai.crawl.CrawlSettings demoSettings() {
        return cn.gongkai.crawl.CrawlSettings.defaults().withMaxPages(120).withDelay(Duration.ofMillis(20))
                .withRequestTimeout(Duration.ofSeconds(10))
                // all fixture sites share 127.0.0.1: one request at a time to it, but no pause between sites
                .withIpDelay(Duration.ZERO).withRetries(1, Duration.ofMillis(100));
    }
}
