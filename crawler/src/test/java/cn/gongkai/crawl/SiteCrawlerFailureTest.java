package cn.gongkai.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a crawl ends when the server misbehaves at the HTTP level: redirects, error statuses, connections that break,
 * bodies that trickle, never come, or are too big. The sites are WireMock servers on loopback ({@link WireMockSite});
 * WireMock's faults ({@link Fault}) break connections, its delays hold answers back, its scenarios make a server
 * fail first and recover after.
 */
class SiteCrawlerFailureTest {

    @RegisterExtension
    static final WireMockSite site = new WireMockSite();

    /** Another site, for redirects that leave the one crawled. */
    @RegisterExtension
    static final WireMockSite other = new WireMockSite();

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

    private SiteCrawl crawl(CrawlSettings settings) throws Exception {
        return crawl(settings, site.uri("/"));
    }

    private List<WarcArchive.Entry> responsesFor(String url) throws Exception {
        return WarcArchive.read(warc()).stream().filter(e -> url.equals(e.targetUri()) && e.type().equals("response"))
                .toList();
    }

    // --- redirects ---

    @Test
    void redirectIsFollowedAndThePageKeepsBothUrls() throws Exception {
        site.page("/", "<a href='/old/guide.html'>指南</a>");
        site.redirect("/old/guide.html", 301, "/new/guide.html");
        site.page("/new/guide.html", "<p>政府信息公开指南</p>");

        SiteCrawl crawl = crawl(TestSettings.fast());

        FetchedPage guide = crawl.pages().get(1);
        assertThat(guide.url()).isEqualTo(site.url("/new/guide.html"));
        assertThat(guide.requestedUrl()).isEqualTo(site.url("/old/guide.html"));
        assertThat(guide.referrer()).isEqualTo(site.url("/"));
        assertThat(guide.status()).isEqualTo(200);
    }

    @Test
    void redirectLoopBecomesAFailureNotAHang() throws Exception {
        site.page("/", "<a href='/loop/a'>loop</a>");
        site.redirect("/loop/a", 302, "/loop/b");
        site.redirect("/loop/b", 302, "/loop/a");

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(site.url("/loop/a"));
            assertThat(f.error()).isEqualTo("redirect loop");
            assertThat(f.status()).isEqualTo(302);
            assertThat(f.referrer()).isEqualTo(site.url("/"));
        });
        assertThat(site.requests("/loop/a") + site.requests("/loop/b")).isEqualTo(2);
    }

    @Test
    void redirectChainLongerThanMaxRedirectsBecomesAFailure() throws Exception {
        site.page("/", "<a href='/r/0'>chain</a>");
        for (int i = 0; i < 10; i++) {
            site.redirect("/r/" + i, 301, "/r/" + (i + 1));
        }

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("too many redirects (more than 5)"));
        assertThat(site.findAll(getRequestedFor(urlPathMatching("/r/.*")))).hasSize(6);
    }

    @Test
    void redirectToAnotherSiteIsNotFollowed() throws Exception {
        site.page("/", "<a href='/moved'>moved</a>");
        site.redirect("/moved", 301, other.url("/"));

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(other.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(crawl.skipped()).containsExactly(site.url("/moved") + " — redirect out of scope to " + other.url("/"));
    }

    // --- error statuses ---

    @Test
    void brokenLinkIsRecordedWithThePageThatLinkedIt() throws Exception {
        site.page("/", "<a href='/list.html'>列表</a>");
        site.page("/list.html", "<a href='/missing.html'>已删除</a>");

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(site.url("/missing.html"));
            assertThat(f.referrer()).isEqualTo(site.url("/list.html"));
            assertThat(f.status()).isEqualTo(404);
            assertThat(f.error()).isEqualTo("HTTP 404");
        });
        assertThat(site.requests("/missing.html")).as("a 404 is not retried").isEqualTo(1);
    }

    @Test
    void serverErrorThatClearsIsRetriedAndThePageKeptWithEveryAttemptArchived() throws Exception {
        site.page("/", "<a href='/busy.html'>忙</a>");
        site.stubFor(get(urlEqualTo("/busy.html")).inScenario("overloaded").whenScenarioStateIs(STARTED)
                .willReturn(WireMockSite.html(503, "<p>Service Unavailable</p>").withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        site.stubFor(get(urlEqualTo("/busy.html")).inScenario("overloaded").whenScenarioStateIs("recovered")
                .willReturn(WireMockSite.html(200, "<p>部门预算</p>")));

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).isEmpty();
        assertThat(crawl.pages()).filteredOn(p -> p.url().equals(site.url("/busy.html"))).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(200));
        assertThat(site.requests("/busy.html")).isEqualTo(2);
        assertThat(responsesFor(site.url("/busy.html"))).extracting(WarcArchive.Entry::status).containsExactly(503, 200);
    }

    // --- broken connections (WireMock faults) ---

    /**
     * A fault on every request: retried {@code maxRetries} times (the JDK client may itself repeat an idempotent GET
     * whose connection broke before a response), then one failure with the page that linked it.
     */
    private void brokenEveryTime(Fault fault, int expectedStatus) throws Exception {
        site.page("/", "<a href='/broken.html'>坏</a><a href='/after.html'>after</a>");
        site.page("/after.html", "<p>ok</p>");
        site.stubFor(get(urlEqualTo("/broken.html")).willReturn(aResponse().withFault(fault)));

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).as(fault.name()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(site.url("/broken.html"));
            assertThat(f.referrer()).isEqualTo(site.url("/"));
            assertThat(f.status()).isEqualTo(expectedStatus);
            assertThat(f.error()).startsWith("I/O error");
        });
        int retries = TestSettings.fast().maxRetries();
        assertThat(site.requests("/broken.html")).as(fault.name()).isBetween(retries + 1, 2 * (retries + 1));
        assertThat(crawl.pages()).extracting(FetchedPage::url).as("the rest of the site is crawled")
                .contains(site.url("/after.html"));
    }

    @Test
    void connectionResetByPeerIsRetriedThenAFailureWithoutStatus() throws Exception {
        brokenEveryTime(Fault.CONNECTION_RESET_BY_PEER, 0);
    }

    @Test
    void emptyResponseIsRetriedThenAFailureWithoutStatus() throws Exception {
        brokenEveryTime(Fault.EMPTY_RESPONSE, 0);
    }

    @Test
    void garbageInsteadOfAResponseIsRetriedThenAFailureWithoutStatus() throws Exception {
        brokenEveryTime(Fault.RANDOM_DATA_THEN_CLOSE, 0);
    }

    @Test
    void malformedChunkAfterAnOkHeadIsRetriedThenAFailureWithTheStatusSent() throws Exception {
        brokenEveryTime(Fault.MALFORMED_RESPONSE_CHUNK, 200);
    }

    @Test
    void connectionResetOnceIsRetriedAndThePageKept() throws Exception {
        site.page("/", "<a href='/flaky.html'>偶发</a>");
        site.stubFor(get(urlEqualTo("/flaky.html")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        site.stubFor(get(urlEqualTo("/flaky.html")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(WireMockSite.html(200, "<p>决算</p>")));

        SiteCrawl crawl = crawl(TestSettings.fast());

        assertThat(crawl.failures()).isEmpty();
        assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/flaky.html"));
        assertThat(site.requests("/flaky.html")).isEqualTo(2);
    }

    @Test
    void tlsHandshakeWithAPlainHttpServerIsATlsFailure() throws Exception {
        // https:// to WireMock's plain HTTP port: the handshake reads an HTTP answer instead of a TLS record. The
        // JVM's first TLS handshake sets up its providers, which takes over a second on a loaded machine: the
        // deadline here must not be what fails (the test is about the kind of failure, not its speed).
        SiteCrawl crawl = crawl(TestSettings.fast().withRequestTimeout(Duration.ofSeconds(20)),
                URI.create("https://127.0.0.1:" + site.getPort() + "/"));

        assertThat(crawl.failures()).singleElement().satisfies(f -> assertThat(f.error()).startsWith("TLS error"));
        assertThat(crawl.skipped()).singleElement().satisfies(s -> assertThat(s).endsWith("robots.txt unreachable"));
    }

    @Test
    void refusedConnectionOnTheSeedGivesAFailureNotAnException() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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

    // --- slow servers (WireMock delays) ---

    @Test
    void tricklingBodyIsAbandonedAtTheRequestDeadline() throws Exception {
        site.page("/", "<a href='/slow.html'>慢</a><a href='/after.html'>after</a>");
        site.page("/after.html", "<p>ok</p>");
        // 200 bytes in 100 chunks over 20 s: the head at once, then a chunk every 200 ms.
        site.stubFor(get(urlEqualTo("/slow.html"))
                .willReturn(WireMockSite.html(200, "<p>" + "慢".repeat(64) + "</p>").withChunkedDribbleDelay(100, 20_000)));
        CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofSeconds(1));

        long start = System.nanoTime();
        SiteCrawl crawl = crawl(settings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo(site.url("/slow.html"));
            assertThat(f.error()).isEqualTo("timeout after 1s");
            assertThat(f.status()).isEqualTo(200);
        });
        assertThat(site.requests("/slow.html")).as("a timeout is not retried").isEqualTo(1);
        assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/after.html"));
        assertThat(took).as("the crawl did not wait for the trickle to end").isLessThan(Duration.ofSeconds(10));
        assertThat(responsesFor(site.url("/slow.html"))).singleElement()
                .satisfies(e -> assertThat(e.truncated()).isEqualTo("time"));
    }

    @Test
    void serverThatNeverAnswersIsAFailureWithoutStatusAtTheDeadline() throws Exception {
        site.page("/", "<a href='/silent.html'>无响应</a>");
        site.stubFor(get(urlEqualTo("/silent.html")).willReturn(WireMockSite.html(200, "<p>迟到</p>").withFixedDelay(5_000)));
        CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofSeconds(1));

        SiteCrawl crawl = crawl(settings);

        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.status()).isZero();
            assertThat(f.error()).isEqualTo("timeout after 1s");
        });
        // No response to archive: a metadata record says the request was made and what became of it.
        assertThat(WarcArchive.read(warc())).filteredOn(e -> site.url("/silent.html").equals(e.targetUri()))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo("metadata");
                    assertThat(e.headers()).containsEntry(WarcArchive.FETCH_ERROR_FIELD, List.of("timeout after 1s"));
                });
    }

    // --- bodies ---

    @Test
    void chunkedBodyOverTheByteCapIsTruncatedAndMarked() throws Exception {
        site.page("/", "<a href='/huge.html'>大页面</a>");
        byte[] huge = new byte[4 << 20];
        Arrays.fill(huge, (byte) 'x');
        // Sent chunked, without a Content-Length (a scanned gazette whose end the client cannot know in advance).
        site.stubFor(get(urlEqualTo("/huge.html")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(huge).withChunkedDribbleDelay(64, 64)));
        CrawlSettings settings = TestSettings.withMaxBodyBytes(TestSettings.fast(), 100_000);

        SiteCrawl crawl = crawl(settings);

        FetchedPage page = crawl.pages().get(1);
        assertThat(page.truncated()).isTrue();
        assertThat(page.body()).hasSize(100_000);
        assertThat(crawl.pages().get(0).truncated()).isFalse();
        assertThat(crawl.notes()).anyMatch(n -> n.startsWith("body cut at the byte cap"));
        assertThat(WarcArchive.findResponse(warc(), page.warcRecordId()).orElseThrow().truncated()).isEqualTo("length");
    }

    @Test
    void gzipBodyIsDecodedForThePageAndKeptCompressedInTheArchive() throws Exception {
        String html = "<html><body><a href='/next.html'>下一页</a></body></html>";
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("Content-Encoding", "gzip")
                .withBody(TestBodies.gzip(html.getBytes(StandardCharsets.UTF_8)))));
        site.page("/next.html", "<p>next</p>");

        SiteCrawl crawl = crawl(TestSettings.fast());

        FetchedPage home = crawl.pages().get(0);
        assertThat(new String(home.body(), StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/next.html"));
        byte[] stored = WarcArchive.findResponse(warc(), home.warcRecordId()).orElseThrow().payload();
        assertThat(new GZIPInputStream(new ByteArrayInputStream(stored)).readAllBytes())
                .isEqualTo(html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gzipBombIsDecodedOnlyUpToTheByteCap() throws Exception {
        // 8 MiB of zeros, about 8 KiB on the wire.
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Content-Encoding", "gzip").withBody(TestBodies.gzip(new byte[8 << 20]))));
        CrawlSettings settings = TestSettings.withMaxBodyBytes(TestSettings.fast(), 64 * 1024);

        SiteCrawl crawl = crawl(settings);

        assertThat(crawl.pages().get(0).body()).hasSize(64 * 1024);
        assertThat(crawl.pages().get(0).truncated()).isTrue();
        assertThat(crawl.notes()).anyMatch(n -> n.contains("compression bomb"));
    }
}
