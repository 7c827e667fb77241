package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.FixtureSite;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site whose host name stops resolving part-way through an audit (its DNS record removed, its DNS servers
 * gone): the names resolve for the first requests and then no more. The audit runs in a separate JVM whose name
 * service is a hosts file ({@code -Djdk.net.hosts.file}, read again on every lookup) with address caching off, so
 * the real JDK resolver — in the HTTP client, in per-IP pacing, in the target policy — sees the name disappear.
 * The failing agency gets a REG2019-24-SITE finding and a score marked partial, its crawl stops at the error
 * breaker without contacting the server again, and the other agency (also reached by a host name) is assessed
 * exactly as its ground truth says.
 */
class DnsFailsMidRunTest {

    private static final Path TMP = Path.of("target/dns-fails-mid-run-test").toAbsolutePath();
    /** Requests the failing site answers (robots.txt included) before its name is removed. */
    private static final int ANSWERED = 8;
    private static final int BREAKER = 10;   // CrawlSettings' default maxConsecutiveErrors
    private static final String FAILING_HOST = "gov-a.test";
    private static final String HEALTHY_HOST = "gov-b.test";

    @Test
    void aSiteWhoseNameStopsResolvingGetsAFindingAndAPartialScoreWhileTheOthersFinish() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Files.createDirectories(TMP);
        Path hosts = TMP.resolve("hosts");
        writeAtomically(hosts, "127.0.0.1 localhost\n127.0.0.1 " + FAILING_HOST + "\n127.0.0.1 " + HEALTHY_HOST + "\n");
        // Security properties win over -Dsun.net.inetaddr.ttl, and the JDK's java.security sets a negative TTL:
        // set both here so that no lookup is cached, positive or negative.
        Path security = Files.writeString(TMP.resolve("no-dns-cache.security"),
                "networkaddress.cache.ttl=0\nnetworkaddress.cache.negative.ttl=0\n");

        try (FixtureServer fixtures = FixtureServer.start()) {
            FixtureSite failing = site(fixtures, "hn-model-dept");
            FixtureSite healthy = site(fixtures, "county-gbk-gov");
            Path list = Files.writeString(TMP.resolve("agencies.csv"), "单位名称,网站地址,单位类型,层级\n"
                    + row(failing, FAILING_HOST, fixtures.port(failing.id()))
                    + row(healthy, HEALTHY_HOST, fixtures.port(healthy.id())), StandardCharsets.UTF_8);
            // Before answering the failing site's 8th request, its name leaves the hosts file; that answer closes
            // the connection, so the next request needs the name again, as when a kept-alive connection ends.
            fixtures.beforeAnswering(failing.id(), ANSWERED, () -> writeAtomically(hosts,
                    "127.0.0.1 localhost\n127.0.0.1 " + HEALTHY_HOST + "\n"));

            Path out = TMP.resolve("out");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Djdk.net.hosts.file=" + hosts, "-Djava.security.properties=" + security,
                    "-Dgongkai.data-dir=" + TMP.resolve("data"), "-Dfile.encoding=UTF-8", "-Xmx512m",
                    GongkaiApplication.class.getName()));
            cmd.addAll(OutputFaultTest.audit(list, out));
            Path console = TMP.resolve("console.txt");
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile()).start();
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
            assertThat(child.exitValue()).as(Files.readString(console)).isZero();

            // The failing site was not contacted again once its name was gone: every later fetch failed on the name.
            Map<String, Integer> counts = fixtures.requests().counts();
            int toFailing = counts.entrySet().stream().filter(e -> e.getKey().startsWith(failing.id() + " "))
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(toFailing).as("requests to the failing site: %s", counts).isEqualTo(ANSWERED);

            // Its finding says the crawl was cut short and why; its score is marked partial.
            JsonNode findings = JsonMapper.builder().build().readTree(out.resolve("findings.json").toFile());
            JsonNode site = StreamSupport.stream(agency(findings, failing.name()).path("findings").spliterator(), false)
                    .filter(f -> f.path("rule").asString().equals("REG2019-24-SITE")).findFirst().orElseThrow();
            assertThat(site.path("status").asString()).isEqualTo("NEEDS_REVIEW");
            assertThat(site.path("explanation").asString())
                    .contains("中途停止响应", "得分不完整", BREAKER + " failures in a row; last: unknown host");

            // The crawl stopped at the breaker (bounded), each lost URL recorded as a DNS failure.
            String log = Files.readString(out.resolve("audit.log"), StandardCharsets.UTF_8);
            List<String> dnsFailures = log.lines()
                    .filter(l -> l.startsWith("抓取失败 / fetch failed: " + failing.name() + " http://" + FAILING_HOST))
                    .toList();
            assertThat(dnsFailures).hasSize(BREAKER).allMatch(l -> l.contains("(unknown host)"));
            String summary = log.lines().filter(l -> l.contains(failing.name() + "：")).findFirst().orElseThrow();
            int pages = Integer.parseInt(summary.substring(summary.indexOf('：') + 1, summary.indexOf(" 页")));
            assertThat(pages).isBetween(1, ANSWERED - 1);   // robots.txt is not a page
            assertThat(summary).endsWith("得分不完整 / partial score）");
            assertThat(Files.readString(console)).contains(summary.strip());

            // The other agency, reached by its name throughout, is assessed as its ground truth says.
            JsonNode truth;
            try (InputStream in = FixtureServer.class.getClassLoader()
                    .getResourceAsStream("sites/" + healthy.id() + "/ground-truth.yaml")) {
                truth = YAMLMapper.builder().build().readTree(in);
            }
            JsonNode other = agency(findings, healthy.name());
            assertThat(other.path("url").asString()).startsWith("http://" + HEALTHY_HOST + ":");
            assertThat(other.path("score").asDouble()).isEqualTo(truth.path("score").asDouble());
        }
    }

    private static FixtureSite site(FixtureServer fixtures, String id) {
        return fixtures.sites().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static String row(FixtureSite site, String host, int port) {
        return site.name() + ",http://" + host + ":" + port + "/," + site.type() + "," + site.tier() + "\n";
    }

    /** Replaces the hosts file in one step, so that a lookup running at the same moment never reads half a file. */
    private static void writeAtomically(Path hosts, String content) {
        try {
            Path tmp = Files.writeString(hosts.resolveSibling("hosts.new"), content);
            Files.move(tmp, hosts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode agency(JsonNode findings, String name) {
        return StreamSupport.stream(findings.path("agencies").spliterator(), false)
                .filter(a -> a.path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
