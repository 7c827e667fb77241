package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.fixtures.HostileSites;
import cn.gongkai.fixtures.hostile.CalendarTrapRoute;
import cn.gongkai.fixtures.hostile.GzipBombRoute;
import cn.gongkai.fixtures.hostile.HugeBodyRoute;
import cn.gongkai.fixtures.hostile.RedirectLoopRoute;
import cn.gongkai.fixtures.hostile.ServerErrorStormRoute;
import cn.gongkai.fixtures.hostile.SessionIdTrapRoute;
import cn.gongkai.fixtures.hostile.SlowTrickleRoute;
import cn.gongkai.fixtures.hostile.WrongCharsetRoute;
import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile route of the fixtures, crawled over loopback: each ends as a failure, a skip or a note within
 * the configured limits, never as an exception or a hang. These are the sites the app's end-to-end hostile audit
 * crawls, so this class checks them as that audit meets them; HTTP faults on their own (resets, garbage, malformed
 * chunks, delays, redirects, recoveries) are tested on WireMock in {@link SiteCrawlerFailureTest}.
 */
class HostileSitesCrawlTest {

    static final long CAP = 256 * 1024;
    static final int RETRIES = 2;
    static final int PER_PATTERN = 5;
    static final int STORM = 4;

    static HostileSites sites;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("slow-trickle", new SlowTrickleRoute(Duration.ofMillis(50), Duration.ofSeconds(20)));
        routes.put("huge-body", new HugeBodyRoute(64L * 1024 * 1024));
        routes.put("redirect-loop", new RedirectLoopRoute());
        routes.put("calendar-trap", new CalendarTrapRoute());
        routes.put("session-id-trap", new SessionIdTrapRoute());
        routes.put("gzip-bomb", new GzipBombRoute(16L * 1024 * 1024));
        routes.put("wrong-charset", new WrongCharsetRoute());
        routes.put("server-error-storm", new ServerErrorStormRoute(20));
        sites = HostileSites.start(routes);
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    /** The deadline of the one test that waits for it; every other request gets a roomy one (loaded CI machines). */
    static final Duration TRICKLE_DEADLINE = Duration.ofMillis(700);

    static CrawlSettings settings() {
        return new CrawlSettings(40, Duration.ZERO, Duration.ofSeconds(1), 8, CAP, Duration.ofSeconds(10), 4,
                CrawlSettings.DEFAULT_USER_AGENT)
                .withIpDelay(Duration.ZERO)
                .withRetries(RETRIES, Duration.ofMillis(5))
                .withMaxUrlsPerPattern(PER_PATTERN)
                .withMaxConsecutiveErrors(STORM);
    }

    private SiteCrawl crawl(String site) throws Exception {
        return crawl(settings(), sites.url(site));
    }

    private SiteCrawl crawl(CrawlSettings s, URI seed) throws Exception {
        try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl.warc.gz"))) {
            return new SiteCrawler(s, archive).crawl(seed);
        }
    }

    @Test
    void tricklingHomePageIsAbandonedAtTheDeadlineAndArchivedAsTruncatedByTime() throws Exception {
        SiteCrawl crawl = crawl(settings().withRequestTimeout(TRICKLE_DEADLINE), sites.url("slow-trickle"));

        assertThat(crawl.seedReached()).isFalse();
        assertThat(crawl.failures()).singleElement().satisfies(f -> {
            assertThat(f.error()).isEqualTo("timeout after 700ms");
            assertThat(f.status()).isEqualTo(200);
        });
        assertThat(WarcArchive.read(dir.resolve("crawl.warc.gz")))
                .anySatisfy(e -> assertThat(e.truncated()).isEqualTo("time"));
    }

    @Test
    void hugeBodyIsCutAtTheByteCapAndNoted() throws Exception {
        SiteCrawl crawl = crawl("huge-body");

        assertThat(crawl.pages()).singleElement().satisfies(p -> {
            assertThat(p.truncated()).isTrue();
            assertThat(p.body().length).isLessThanOrEqualTo((int) CAP);
        });
        assertThat(crawl.notes()).anyMatch(n -> n.startsWith("body cut at the byte cap"));
    }

    @Test
    void decompressionBombStopsAtTheByteCapAndIsNoted() throws Exception {
        SiteCrawl crawl = crawl("gzip-bomb");

        assertThat(crawl.pages()).singleElement().satisfies(p -> {
            assertThat(p.truncated()).isTrue();
            assertThat(p.body().length).isEqualTo((int) CAP);
        });
        assertThat(crawl.notes()).anyMatch(n -> n.contains("compression bomb"));
    }

    @Test
    void redirectLoopAndEndlessChainBecomeFailuresWithinTheHopCap() throws Exception {
        SiteCrawl crawl = crawl("redirect-loop");

        assertThat(crawl.failures()).extracting(FetchFailure::error)
                .containsExactlyInAnyOrder("redirect loop", "too many redirects (more than 4)");
        int chainRequests = 0;
        for (int i = 1; i < 20; i++) {
            chainRequests += sites.requests("redirect-loop", "/chain/" + i);
        }
        assertThat(chainRequests).isEqualTo(5);
    }

    @Test
    void calendarIsCappedPerUrlPatternAndTheRestSkippedAsATrap() throws Exception {
        SiteCrawl crawl = crawl("calendar-trap");

        assertThat(sites.requests("calendar-trap", "/calendar")).isEqualTo(PER_PATTERN);
        assertThat(crawl.skipped()).anyMatch(s -> s.contains("URL trap: more than 5 URLs like /calendar?date=…"));
    }

    @Test
    void sessionIdsAreStrippedSoEachPageIsFetchedOnce() throws Exception {
        SiteCrawl crawl = crawl("session-id-trap");

        assertThat(crawl.pages()).extracting(FetchedPage::url).containsExactlyInAnyOrder(
                sites.url("session-id-trap").toString(),
                sites.url("session-id-trap").resolve("/news").toString(),
                sites.url("session-id-trap").resolve("/list?page=1").toString());
        assertThat(sites.requests("session-id-trap", "/news")).isEqualTo(1);
        assertThat(crawl.notes()).anyMatch(n -> n.startsWith("links carry session ids"));
    }

    @Test
    void wrongContentTypesAreNotedAndTheBodyIsTrusted() throws Exception {
        SiteCrawl crawl = crawl("wrong-charset");

        URI home = sites.url("wrong-charset");
        assertThat(crawl.pages()).extracting(FetchedPage::url)
                .contains(home.resolve("/linked-from-octet").toString(), home.resolve("/report").toString());
        assertThat(crawl.notes()).anyMatch(n -> n.startsWith("Content-Type application/octet-stream but the body is HTML"))
                .anyMatch(n -> n.startsWith("Content-Type text/html but the body is PDF"));
        assertThat(crawl.pages().get(0).contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(WrongCharsetRoute.TITLE).isNotEmpty();
    }

    @Test
    void serverErrorStormIsRetriedWithBackoffThenTheSiteIsAbandoned() throws Exception {
        SiteCrawl crawl = crawl("server-error-storm");

        assertThat(crawl.failures()).hasSize(STORM).allSatisfy(f -> assertThat(f.error()).isEqualTo("HTTP 503"));
        for (int i = 1; i <= STORM; i++) {
            assertThat(sites.requests("server-error-storm", "/busy/" + i + ".html")).isEqualTo(RETRIES + 1);
        }
        assertThat(sites.requests("server-error-storm", "/busy/" + (STORM + 1) + ".html")).isZero();
        assertThat(crawl.skipped()).hasSize(20 - STORM)
                .allMatch(s -> s.endsWith("server error storm (4 failures in a row; last: HTTP 503)"));
        assertThat(crawl.notes()).contains("crawl stopped early: server error storm (4 failures in a row; last: HTTP 503)");
    }

    @Test
    void connectionResetIsRetriedThenRecordedAsAFailure() throws Exception {
        SiteCrawl crawl = crawl("connection-reset");

        assertThat(crawl.seedReached()).isTrue();
        assertThat(crawl.failures()).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).isZero();
            assertThat(f.error()).startsWith("I/O error");
            assertThat(f.referrer()).isEqualTo(sites.url("connection-reset").toString());
        });
        // Our retries, each of which the JDK client may itself repeat once (it retries an idempotent GET whose
        // connection broke before a response).
        assertThat(sites.requests("connection-reset", "/reset/1")).isBetween(RETRIES + 1, 2 * (RETRIES + 1));
    }

    @Test
    void unknownHostIsADnsFailure() throws Exception {
        // RFC 6761: .invalid never resolves.
        SiteCrawl crawl = crawl(settings(), URI.create("http://no-such-agency.invalid/"));

        assertThat(crawl.failures()).singleElement().satisfies(f -> assertThat(f.error()).isEqualTo("unknown host"));
    }

    @Test
    void byteBudgetStopsTheSiteAndSkipsTheRest() throws Exception {
        // Each response of the huge-body site is cut at CAP bytes; a budget of 1.5 caps allows two.
        try (TestSite site = new TestSite()) {
            String big = "<p>" + "公开".repeat(20_000) + "</p>";
            site.page("/", big + "<a href='/a.html'>a</a><a href='/b.html'>b</a><a href='/c.html'>c</a>")
                    .page("/a.html", big).page("/b.html", big).page("/c.html", big);
            int pageBytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

            SiteCrawl crawl = crawl(settings().withMaxSiteBytes(pageBytes * 2L), site.uri("/"));

            assertThat(crawl.pages()).hasSize(2);
            assertThat(crawl.skipped()).hasSize(2).allMatch(s -> s.contains("byte budget"));
        }
    }

    @Test
    void sitesOnOneAddressArePacedPerIpAcrossHosts() throws Exception {
        Duration ipDelay = Duration.ofMillis(120);
        try (TestSite a = new TestSite(); TestSite b = new TestSite()) {
            for (TestSite s : List.of(a, b)) {
                s.page("/", "<a href='/1.html'>1</a><a href='/2.html'>2</a>").page("/1.html", "x").page("/2.html", "y");
            }
            CrawlSettings s = settings().withIpDelay(ipDelay);
            try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl.warc.gz"))) {
                SiteCrawler crawler = new SiteCrawler(s, archive);
                Thread other = new Thread(() -> crawler.crawl(b.uri("/")));
                other.start();
                crawler.crawl(a.uri("/"));
                other.join();
            }
            List<Long> arrivals = java.util.stream.Stream.concat(a.hits().stream(), b.hits().stream())
                    .map(TestSite.Hit::nanoTime).sorted().toList();
            assertThat(arrivals).hasSize(8);
            for (int i = 1; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i) - arrivals.get(i - 1)).isGreaterThanOrEqualTo(ipDelay.toNanos());
            }
        }
    }
}
