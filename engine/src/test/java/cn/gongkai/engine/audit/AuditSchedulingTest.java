package cn.gongkai.engine.audit;

import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.rule.RulePacks;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSchedulingTest {

    @TempDir
    Path dir;

    /**
     * With one crawl slot, the second site is crawled while the first is still being assessed: the slot is
     * not held by CPU work. Each assessment waits until both sites have been crawled; under the old scheduling
     * (crawl and assess in one slot) the first assessment would wait in vain.
     */
    @Test
    void aSitesCrawlSlotIsFreedBeforeItsAssessmentEnds() throws Exception {
        HttpServer a = site("甲局");
        HttpServer b = site("乙局");
        try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl.warc.gz"))) {
            CountDownLatch bothCrawled = new CountDownLatch(2);
            List<Boolean> sawBoth = new CopyOnWriteArrayList<>();
            AuditListener listener = new AuditListener() {
                @Override
                public void siteCrawled(Agency agency, SiteCrawl crawl, List<ExtractedPage> pages) {
                    bothCrawled.countDown();
                    try {
                        sawBoth.add(bothCrawled.await(20, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            CrawlSettings settings = CrawlSettings.defaults().withMaxPages(3).withDelay(Duration.ZERO)
                    .withIpDelay(Duration.ZERO);
            AuditReport report = new Audit(RulePacks.load(Path.of("../rules/src/main/resources/packs/cn-regulation-2019")), settings, 1)
                    .run("t", List.of(agency("甲局", a), agency("乙局", b)), LocalDate.of(2025, 9, 30), archive, listener);
            assertThat(report.agencies()).hasSize(2);
            assertThat(sawBoth).containsExactly(true, true);
        } finally {
            a.stop(0);
            b.stop(0);
        }
    }

    private static Agency agency(String name, HttpServer server) {
        return new Agency(name, "http://127.0.0.1:" + server.getAddress().getPort() + "/", AgencyType.DEPARTMENT, "部门");
    }

    private static HttpServer site(String name) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<html><head><meta charset=\"UTF-8\"><title>" + name + "</title></head><body><h1>" + name
                + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            try (ex) {
                boolean robots = ex.getRequestURI().getPath().equals("/robots.txt");
                ex.getResponseHeaders().set("Content-Type", robots ? "text/plain" : "text/html; charset=UTF-8");
                ex.sendResponseHeaders(robots ? 404 : 200, robots ? -1 : page.length);
                if (!robots) {
                    ex.getResponseBody().write(page);
                }
            }
        });
        server.start();
        return server;
    }
}
