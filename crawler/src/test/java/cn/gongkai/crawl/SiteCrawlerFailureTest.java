package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.fixtures.hostile.HugeBodyRoute;
import cn.gongkai.fixtures.hostile.RedirectLoopRoute;
import cn.gongkai.fixtures.hostile.SlowTrickleRoute;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCrawlerFailureTest {

    @TempDir
    Path dir;

    private Path warc() {
        return dir.resolve("crawl.warc.gz");
    }

    private SiteCrawl crawl(CrawlSettings settings, URI seed) throws Exception {
        try (WarcArchive archive = WarcArchive.create(warc())) {
            return new SiteCrawler(settings, archive).crawl(seed);
        }
    }

    @Test
    void redirectIsFollowedAndThePageKeepsBothUrls() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/old/guide.html'>指南</a>")
                    .route("/old/guide.html", new RedirectRoute("/new/guide.html"))
                    .page("/new/guide.html", "<p>政府信息公开指南</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            FetchedPage guide = crawl.pages().get(1);
            assertThat(guide.url()).isEqualTo(site.url("/new/guide.html"));
            assertThat(guide.requestedUrl()).isEqualTo(site.url("/old/guide.html"));
            assertThat(guide.referrer()).isEqualTo(site.url("/"));
            assertThat(guide.status()).isEqualTo(200);
        }
    }

    @Test
    void redirectLoopBecomesAFailureNotAHang() throws Exception {
        try (TestSite site = new TestSite()) {
            RedirectLoopRoute loop = new RedirectLoopRoute();
            site.page("/", "<a href='/loop/a'>loop</a>").route("/loop/a", loop).route("/loop/b", loop);

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo(site.url("/loop/a"));
                assertThat(f.error()).isEqualTo("redirect loop");
                assertThat(f.status()).isEqualTo(302);
                assertThat(f.referrer()).isEqualTo(site.url("/"));
            });
            assertThat(site.count("/loop/a") + site.count("/loop/b")).isEqualTo(2);
        }
    }

    @Test
    void redirectChainLongerThanMaxRedirectsBecomesAFailure() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/r/0'>chain</a>");
            for (int i = 0; i < 10; i++) {
                site.route("/r/" + i, new RedirectRoute("/r/" + (i + 1)));
            }

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            assertThat(crawl.failures()).singleElement()
                    .satisfies(f -> assertThat(f.error()).isEqualTo("too many redirects (more than 5)"));
            assertThat(site.hits().stream().filter(h -> h.path().startsWith("/r/")).count()).isEqualTo(6);
        }
    }

    @Test
    void redirectToAnotherSiteIsNotFollowed() throws Exception {
        try (TestSite other = new TestSite(); TestSite site = new TestSite()) {
            other.page("/", "<p>elsewhere</p>");
            site.page("/", "<a href='/moved'>moved</a>").route("/moved", new RedirectRoute(other.url("/")));

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            assertThat(other.hits()).isEmpty();
            assertThat(crawl.skipped()).containsExactly(
                    site.url("/moved") + " — redirect out of scope to " + other.url("/"));
        }
    }

    @Test
    void brokenLinkIsRecordedWithThePageThatLinkedIt() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/list.html'>列表</a>")
                    .page("/list.html", "<a href='/missing.html'>已删除</a>")
                    .route("/error.html", new PageRoute(500, "text/html", new byte[0]));

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo(site.url("/missing.html"));
                assertThat(f.referrer()).isEqualTo(site.url("/list.html"));
                assertThat(f.status()).isEqualTo(404);
                assertThat(f.error()).isEqualTo("HTTP 404");
            });
        }
    }

    @Test
    void tricklingBodyIsAbandonedAtTheRequestDeadline() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/slow.html'>慢</a><a href='/after.html'>after</a>")
                    .route("/slow.html", new SlowTrickleRoute(Duration.ofMillis(100), Duration.ofSeconds(10))).page("/after.html", "<p>ok</p>");
            CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofMillis(500));

            long start = System.nanoTime();
            SiteCrawl crawl = crawl(settings, site.uri("/"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo(site.url("/slow.html"));
                assertThat(f.error()).isEqualTo("timeout after 500ms");
                assertThat(f.status()).isEqualTo(200);
            });
            assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/after.html"));
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(WarcArchive.read(warc())).filteredOn(e -> site.url("/slow.html").equals(e.targetUri())
                    && e.type().equals("response")).singleElement()
                    .satisfies(e -> assertThat(e.truncated()).isEqualTo("time"));
        }
    }

    @Test
    void serverThatNeverAnswersIsAFailureWithoutStatusAtTheDeadline() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/silent.html'>无响应</a>").route("/silent.html", new SilentServerRoute());
            CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofMillis(500));

            long start = System.nanoTime();
            SiteCrawl crawl = crawl(settings, site.uri("/"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.status()).isZero();
                assertThat(f.error()).isEqualTo("timeout after 500ms");
            });
            // No response to archive: a metadata record says the request was made and what became of it.
            assertThat(WarcArchive.read(warc())).filteredOn(e -> site.url("/silent.html").equals(e.targetUri()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.type()).isEqualTo("metadata");
                        assertThat(e.headers()).containsEntry(WarcArchive.FETCH_ERROR_FIELD, List.of("timeout after 500ms"));
                    });
        }
    }

    @Test
    void bodyOverTheByteCapIsTruncatedAndMarked() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/huge.html'>大页面</a>").route("/huge.html", HugeBodyRoute.streamed(20L << 20));
            CrawlSettings settings = TestSettings.withMaxBodyBytes(TestSettings.fast(), 100_000);

            SiteCrawl crawl = crawl(settings, site.uri("/"));

            FetchedPage huge = crawl.pages().get(1);
            assertThat(huge.truncated()).isTrue();
            assertThat(huge.body()).hasSize(100_000);
            assertThat(crawl.pages().get(0).truncated()).isFalse();
            assertThat(WarcArchive.findResponse(warc(), huge.warcRecordId()).orElseThrow().truncated())
                    .isEqualTo("length");
        }
    }

    @Test
    void gzipBodyIsDecodedForThePageAndKeptCompressedInTheArchive() throws Exception {
        String html = "<html><body><a href='/next.html'>下一页</a></body></html>";
        try (TestSite site = new TestSite()) {
            site.route("/", new GzipRoute("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)))
                    .page("/next.html", "<p>next</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site.uri("/"));

            FetchedPage home = crawl.pages().get(0);
            assertThat(new String(home.body(), StandardCharsets.UTF_8)).isEqualTo(html);
            assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/next.html"));
            byte[] stored = WarcArchive.findResponse(warc(), home.warcRecordId()).orElseThrow().payload();
            assertThat(new GZIPInputStream(new ByteArrayInputStream(stored)).readAllBytes())
                    .isEqualTo(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void gzipBombIsDecodedOnlyUpToTheByteCap() throws Exception {
        byte[] zeros = new byte[8 << 20];
        try (TestSite site = new TestSite()) {
            site.route("/", new GzipRoute("text/html", zeros));
            CrawlSettings settings = TestSettings.withMaxBodyBytes(TestSettings.fast(), 64 * 1024);

            SiteCrawl crawl = crawl(settings, site.uri("/"));

            assertThat(crawl.pages().get(0).body()).hasSize(64 * 1024);
            assertThat(crawl.pages().get(0).truncated()).isTrue();
        }
    }

    @Test
    void refusedConnectionOnTheSeedGivesAFailureNotAnException() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI seed = URI.create("http://127.0.0.1:" + port + "/");

        SiteCrawl crawl = crawl(TestSettings.fast(), seed);

        assertThat(crawl.seedReached()).isFalse();
        assertThat(crawl.pages()).isEmpty();
        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo("http://127.0.0.1:" + port + "/robots.txt");
            assertThat(f.error()).isEqualTo("connection refused");
            assertThat(f.status()).isZero();
        });
        assertThat(crawl.skipped()).containsExactly(seed + " — robots.txt unreachable");
    }
}
