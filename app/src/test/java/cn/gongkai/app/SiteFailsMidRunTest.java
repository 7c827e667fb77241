package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.FixtureSite;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site that answers its first requests and then goes down for good (server stopped mid-run): its agency gets
 * a REG2019-24-SITE finding saying the crawl was cut short and the score is incomplete, the log marks the score
 * partial, and the other agency of the same audit is assessed exactly as its ground truth says.
 */
class SiteFailsMidRunTest {

    private static final Path TMP = Path.of("target/site-fails-mid-run-test").toAbsolutePath();
    private static final int ANSWERED = 6;
    private static final String DYING = "湘江市中途停机局";

    @Test
    void aSiteThatStopsAnsweringGetsAFindingAndAPartialScoreWhileTheOthersFinish() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Files.createDirectories(TMP);
        HttpServer dying = dyingSite();
        try (FixtureServer fixtures = FixtureServer.start()) {
            FixtureSite healthy = fixtures.sites().get(0);
            Path list = Files.writeString(TMP.resolve("agencies.csv"), "单位名称,网站地址,单位类型,层级\n"
                    + DYING + ",http://127.0.0.1:" + dying.getAddress().getPort() + "/,部门,市级\n"
                    + healthy.name() + "," + fixtures.siteUrl(healthy.id()) + "," + healthy.type() + "," + healthy.tier() + "\n",
                    StandardCharsets.UTF_8);
            Path out = TMP.resolve("out");
            OutputFaultTest.Result r = OutputFaultTest.run(TMP.resolve("data"), OutputFaultTest.audit(list, out));
            assertThat(r.exit()).as(r.err()).isZero();

            JsonNode findings = JsonMapper.builder().build().readTree(out.resolve("findings.json").toFile());
            JsonNode down = agency(findings, DYING);
            JsonNode site = StreamSupport.stream(down.path("findings").spliterator(), false)
                    .filter(f -> f.path("rule").asString().equals("REG2019-24-SITE")).findFirst().orElseThrow();
            assertThat(site.path("status").asString()).isEqualTo("NEEDS_REVIEW");
            assertThat(site.path("explanation").asString()).contains("中途停止响应", "得分不完整", "server error storm");
            assertThat(Files.readString(out.resolve("audit.log"))).contains(DYING + "：" + ANSWERED, "得分不完整 / partial score");

            JsonNode truth;
            try (InputStream in = FixtureServer.class.getClassLoader()
                    .getResourceAsStream("sites/" + healthy.id() + "/ground-truth.yaml")) {
                truth = YAMLMapper.builder().build().readTree(in);
            }
            assertThat(agency(findings, healthy.name()).path("score").asDouble()).isEqualTo(truth.path("score").asDouble());
        } finally {
            dying.stop(0);
        }
    }

    /** Forty linked pages; after {@value #ANSWERED} answers the server closes for good (connections refused). */
    private static HttpServer dyingSite() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger answered = new AtomicInteger();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            if (answered.incrementAndGet() > ANSWERED) {
                exchange.close();
                new Thread(() -> server.stop(0)).start();
                return;
            }
            StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>" + DYING
                    + "</title></head><body><h1>" + DYING + "</h1><ul>");
            for (int i = 1; i <= 40; i++) {
                html.append("<li><a href=\"/p").append(i).append(".html\">第").append(i).append("条通知</a></li>");
            }
            byte[] body = html.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        return server;
    }

    private static JsonNode agency(JsonNode findings, String name) {
        return StreamSupport.stream(findings.path("agencies").spliterator(), false)
                .filter(a -> a.path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
