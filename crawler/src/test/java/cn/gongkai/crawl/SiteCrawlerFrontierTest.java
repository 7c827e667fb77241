package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCrawlerFrontierTest {

    @TempDir
    Path dir;

    private SiteCrawl crawl(CrawlSettings settings, TestSite site, String seedPath) throws Exception {
        try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl.warc.gz"))) {
            return new SiteCrawler(settings, archive).crawl(site.uri(seedPath));
        }
    }

    /** Home links a and b; a links a1; b links b1. */
    private static TestSite tree(TestSite site) {
        return site.page("/", "<a href='/a.html'>a</a><a href='/b.html'>b</a>")
                .page("/a.html", "<a href='/a1.html'>a1</a>")
                .page("/b.html", "<a href='/b1.html'>b1</a>")
                .page("/a1.html", "<p>a1</p>").page("/b1.html", "<p>b1</p>");
    }

    @Test
    void budgetStopsTheCrawlAtMaxPagesAndRecordsTheRestAsSkipped() throws Exception {
        try (TestSite site = tree(new TestSite())) {
            SiteCrawl crawl = crawl(TestSettings.fast().withMaxPages(3), site, "/");

            assertThat(crawl.pages()).hasSize(3);
            assertThat(site.pagePaths()).hasSize(3);
            assertThat(crawl.skipped()).contains(site.url("/b1.html") + " — budget");
        }
    }

    @Test
    void breadthFirstOrderSamplesTheTopOfTheSiteFirst() throws Exception {
        try (TestSite site = tree(new TestSite())) {
            SiteCrawl crawl = crawl(TestSettings.fast().withMaxPages(3), site, "/");

            assertThat(crawl.pages()).extracting(FetchedPage::url)
                    .containsExactly(site.url("/"), site.url("/a.html"), site.url("/b.html"));
            assertThat(crawl.pages()).extracting(FetchedPage::depth).containsExactly(0, 1, 1);
        }
    }

    @Test
    void linksBeyondMaxDepthAreNotFollowed() throws Exception {
        try (TestSite site = tree(new TestSite())) {
            SiteCrawl crawl = crawl(TestSettings.withMaxDepth(TestSettings.fast(), 1), site, "/");

            assertThat(crawl.pages()).extracting(FetchedPage::depth).containsOnly(0, 1);
            assertThat(site.count("/a1.html")).isZero();
            assertThat(site.count("/b1.html")).isZero();
        }
    }

    @Test
    void otherHostIsSkippedAsOutOfScopeAndNeverRequested() throws Exception {
        try (TestSite other = new TestSite(); TestSite site = new TestSite()) {
            other.page("/", "<p>另一个网站</p>");
            site.page("/", "<a href='" + other.url("/") + "'>外链</a><a href='http://www.example.invalid/x'>x</a>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/");

            assertThat(other.hits()).isEmpty();
            assertThat(crawl.skipped()).contains(other.url("/") + " — out of scope",
                    "http://www.example.invalid/x — out of scope");
        }
    }

    @Test
    void seedPathDoesNotNarrowTheSiteToThatSection() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/zfxxgk/index.html", "<a href='/index.html'>首页</a><a href='zn.html'>指南</a>")
                    .page("/index.html", "<p>home</p>").page("/zfxxgk/zn.html", "<p>指南</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/zfxxgk/index.html");

            assertThat(crawl.pages()).extracting(FetchedPage::url).containsExactly(
                    site.url("/zfxxgk/index.html"), site.url("/index.html"), site.url("/zfxxgk/zn.html"));
        }
    }

    @Test
    void attachmentsAreFetchedButNotParsedForLinks() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/files/report.pdf'>年度报告</a>")
                    .route("/files/report.pdf", new PageRoute(200, "text/html",
                            "<a href='/hidden.html'>not a link of a PDF</a>".getBytes(StandardCharsets.UTF_8)))
                    .page("/hidden.html", "<p>x</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/");

            assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/files/report.pdf"));
            assertThat(site.count("/hidden.html")).isZero();
        }
    }

    @Test
    void framesAndIframesAreFollowedLikeLinks() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<frameset><frame src='/left.html'><frame src='/main.html'></frameset>")
                    .page("/main.html", "<iframe src='/list.html'></iframe>")
                    .page("/left.html", "<p>nav</p>").page("/list.html", "<p>list</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/");

            assertThat(crawl.pages()).extracting(FetchedPage::url).contains(
                    site.url("/left.html"), site.url("/main.html"), site.url("/list.html"));
        }
    }

    @Test
    void duplicateAndNonHttpLinksAreFetchedOnceOrNotAtAll() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", """
                    <a href="/a.html">a</a><a href="/a.html#top">a again</a><a href="./x/../a.html">a, dotted</a>
                    <a href="javascript:void(0)">js</a><a href="mailto:gk@example.gov.cn">mail</a>
                    <a href="/">self</a>""").page("/a.html", "<a href='/'>home</a>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/");

            assertThat(crawl.pages()).hasSize(2);
            assertThat(site.count("/a.html")).isEqualTo(1);
            assertThat(site.count("/")).isEqualTo(1);
            assertThat(crawl.failures()).isEmpty();
            assertThat(crawl.skipped()).isEmpty();
        }
    }

    @Test
    void bodyIsKeptAsRawBytesWhateverTheCharset() throws Exception {
        byte[] gbk = "<html><head><meta charset=gbk></head><a href='/a.html'>政务公开</a></html>"
                .getBytes("GBK");
        try (TestSite site = new TestSite()) {
            site.route("/", new PageRoute(200, "text/html", gbk)).page("/a.html", "<p>a</p>");

            SiteCrawl crawl = crawl(TestSettings.fast(), site, "/");

            assertThat(crawl.pages().get(0).body()).isEqualTo(gbk);
            assertThat(crawl.pages().get(0).contentType()).isEqualTo("text/html");
            assertThat(crawl.pages()).extracting(FetchedPage::url).contains(site.url("/a.html"));
        }
    }
}
