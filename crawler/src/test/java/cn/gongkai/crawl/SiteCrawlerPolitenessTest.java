package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCrawlerPolitenessTest {

    @TempDir
    Path dir;

    private static final String HOME = """
            <html><body>
              <a href="/private/secret.html">内部</a>
              <a href="/open/a.html">公开 A</a>
              <a href="/open/b.html">公开 B</a>
            </body></html>""";

    private SiteCrawl crawl(CrawlSettings settings, TestSite site) throws Exception {
        try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl.warc.gz"))) {
            return new SiteCrawler(settings, archive).crawl(site.uri("/"));
        }
    }

    @Test
    void robotsDisallowedPathIsSkippedAndNeverRequested() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("User-agent: *\nDisallow: /private/\n").page("/", HOME)
                    .page("/private/secret.html", "<p>secret</p>")
                    .page("/open/a.html", "<p>a</p>").page("/open/b.html", "<p>b</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site);

            assertThat(site.count("/private/secret.html")).isZero();
            assertThat(crawl.skipped()).contains(site.url("/private/secret.html") + " — robots.txt");
            assertThat(crawl.pages()).extracting(FetchedPage::url)
                    .containsExactly(site.url("/"), site.url("/open/a.html"), site.url("/open/b.html"));
        }
    }

    @Test
    void robotsRulesForOurProductTokenOverrideTheWildcardGroup() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("User-agent: *\nDisallow: /\n\nUser-agent: GongkaiAudit\nDisallow: /open/b.html\n")
                    .page("/", HOME).page("/open/a.html", "<p>a</p>").page("/open/b.html", "<p>b</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site);

            assertThat(crawl.seedReached()).isTrue();
            assertThat(site.count("/open/a.html")).isEqualTo(1);
            assertThat(site.count("/open/b.html")).isZero();
        }
    }

    @Test
    void crawlDelayFromRobotsSpacesEveryRequestToTheHost() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("User-agent: *\nCrawl-delay: 0.3\n").page("/", HOME)
                    .page("/open/a.html", "<p>a</p>").page("/open/b.html", "<p>b</p>");

            crawl(TestSettings.fast(), site);

            List<TestSite.Hit> hits = site.hits();
            assertThat(hits).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 2; i < hits.size(); i++) { // from the seed on, Crawl-delay applies
                assertThat(gap(hits, i)).as("gap before %s", hits.get(i).path())
                        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
        }
    }

    @Test
    void longCrawlDelayIsCappedAtMaxCrawlDelayAndDoesNotBlockTheSite() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("User-agent: *\nCrawl-delay: 3600\n").page("/", HOME)
                    .page("/open/a.html", "<p>a</p>").page("/open/b.html", "<p>b</p>");
            CrawlSettings settings = TestSettings.withMaxCrawlDelay(TestSettings.fast(), Duration.ofMillis(200));

            long start = System.nanoTime();
            SiteCrawl crawl = crawl(settings, site);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(crawl.pages()).hasSize(3);
            List<TestSite.Hit> hits = site.hits();
            for (int i = 2; i < hits.size(); i++) {
                assertThat(gap(hits, i)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void configuredDelaySpacesRequestsWhenRobotsSaysNothing() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", HOME).page("/open/a.html", "<p>a</p>").page("/open/b.html", "<p>b</p>");

            crawl(TestSettings.fast().withDelay(Duration.ofMillis(150)), site);

            List<TestSite.Hit> hits = site.hits();
            assertThat(hits).hasSize(5); // robots.txt (404), seed, a, b, private (404)
            for (int i = 1; i < hits.size(); i++) {
                assertThat(gap(hits, i)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            }
        }
    }

    @Test
    void userAgentIsSentOnEveryRequestIncludingRobotsTxt() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("User-agent: *\nAllow: /\n").page("/", HOME);

            crawl(TestSettings.fast(), site);

            assertThat(site.hits()).extracting(TestSite.Hit::path).contains("/robots.txt", "/");
            assertThat(site.hits()).extracting(TestSite.Hit::userAgent)
                    .containsOnly(TestSettings.fast().userAgent());
        }
    }

    @Test
    void unreachableRobotsTxtDisallowsTheSiteAsRfc9309Says() throws Exception {
        try (TestSite site = new TestSite()) {
            site.route("/robots.txt", new PageRoute(503, "text/plain", new byte[0])).page("/", HOME);

            SiteCrawl crawl = crawl(TestSettings.fast(), site);

            assertThat(crawl.seedReached()).isFalse();
            assertThat(site.count("/")).isZero();
            assertThat(crawl.skipped()).containsExactly(site.url("/") + " — robots.txt unreachable");
            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo(site.url("/robots.txt"));
                assertThat(f.status()).isEqualTo(503);
            });
        }
    }

    private static Duration gap(List<TestSite.Hit> hits, int i) {
        return Duration.ofNanos(hits.get(i).nanoTime() - hits.get(i - 1).nanoTime());
    }
}
