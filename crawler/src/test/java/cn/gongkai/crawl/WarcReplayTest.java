package cn.gongkai.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WarcReplayTest {

    /** A site one of whose pages does not answer within the deadline (WireMock's fixed delay). */
    @RegisterExtension
    static final WireMockSite silent = new WireMockSite();

    @TempDir
    Path dir;

    @Test
    void resumedCrawlReplaysArchivedResponsesFromATruncatedWarcAndFetchesOnlyTheRest() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/a.html'>a</a><a href='/b.html'>b</a>")
                    .page("/a.html", "<p>甲</p>").page("/b.html", "<p>乙</p>");
            Path first = dir.resolve("crawl.warc.gz");
            SiteCrawl original;
            try (WarcArchive archive = WarcArchive.create(first)) {
                original = new SiteCrawler(TestSettings.fast(), archive).crawl(site.uri("/"));
            }
            // As a kill -9 leaves it: the last gzip member (the response of /b.html) cut short.
            byte[] bytes = Files.readAllBytes(first);
            Files.write(first, Arrays.copyOf(bytes, bytes.length - 40));
            int before = site.hits().size();

            WarcReplay replay = WarcReplay.load(List.of(first));
            SiteCrawl resumed;
            try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl-00001.warc.gz"))) {
                SiteCrawler crawler = new SiteCrawler(TestSettings.fast(), archive, replay);
                resumed = crawler.crawl(site.uri("/"));
                assertThat(crawler.counters().replayed()).isEqualTo(3);
                assertThat(crawler.counters().requests()).isEqualTo(1);
            }

            assertThat(replay.loaded()).isEqualTo(3);   // robots.txt (404), /, /a.html
            assertThat(site.hits().subList(before, site.hits().size())).extracting(TestSite.Hit::path)
                    .containsExactly("/b.html");
            assertThat(resumed.pages()).extracting(FetchedPage::url)
                    .isEqualTo(original.pages().stream().map(FetchedPage::url).toList());
            FetchedPage a = resumed.pages().get(1);
            assertThat(a.warcRecordId()).isEqualTo(original.pages().get(1).warcRecordId());
            assertThat(a.fetchedAt()).isEqualTo(original.pages().get(1).fetchedAt());
            assertThat(a.body()).isEqualTo(original.pages().get(1).body());
            assertThat(a.contentType()).isEqualTo(original.pages().get(1).contentType());
        }
    }

    @Test
    void aRequestThatGotNoResponseIsReplayedAsTheSameFailure() throws Exception {
        silent.page("/", "<a href='/silent.html'>无响应</a>");
        silent.stubFor(get(urlEqualTo("/silent.html")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        URI seed = silent.uri("/");
        CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofSeconds(1));
        Path first = dir.resolve("crawl.warc.gz");
        SiteCrawl original;
        try (WarcArchive archive = WarcArchive.create(first)) {
            original = new SiteCrawler(settings, archive).crawl(seed);
        }
        int silentBefore = silent.requests("/silent.html");

        SiteCrawl resumed;
        try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl-00001.warc.gz"))) {
            resumed = new SiteCrawler(settings, archive, WarcReplay.load(List.of(first))).crawl(seed);
        }

        assertThat(silentBefore).isEqualTo(1);
        assertThat(silent.requests("/silent.html")).isEqualTo(silentBefore);
        assertThat(resumed.failures()).extracting(FetchFailure::url, FetchFailure::status, FetchFailure::error)
                .isEqualTo(original.failures().stream().map(f -> tuple(f.url(), f.status(), f.error())).toList());
        assertThat(resumed.failures()).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo("timeout after 1s"));
    }

    @Test
    void anArchiveOnlyReplayAnswersFromTheArchiveAndSkipsWhatItLacksWithoutARequest() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/a.html'>a</a><a href='/b.html'>b</a>")
                    .page("/a.html", "<p>甲</p>").page("/b.html", "<p>乙</p>");
            Path first = dir.resolve("crawl.warc.gz");
            SiteCrawl original;
            try (WarcArchive archive = WarcArchive.create(first)) {
                original = new SiteCrawler(TestSettings.fast(), archive).crawl(site.uri("/"));
            }
            // The archive loses /b.html's response, as if it had never been fetched.
            byte[] bytes = Files.readAllBytes(first);
            Files.write(first, Arrays.copyOf(bytes, bytes.length - 40));
            int before = site.hits().size();

            SiteCrawl again;
            try (WarcArchive archive = WarcArchive.create(dir.resolve("unused.warc.gz"))) {
                again = new SiteCrawler(TestSettings.fast(), archive, WarcReplay.archiveOnly(List.of(first)))
                        .crawl(site.uri("/"));
            }

            assertThat(site.hits()).hasSize(before);
            assertThat(again.pages()).extracting(FetchedPage::url).containsExactly(original.pages().get(0).url(),
                    original.pages().get(1).url());
            assertThat(again.failures()).isEmpty();
            assertThat(again.skipped()).singleElement().asString()
                    .endsWith("/b.html — " + WarcReplay.NOT_ARCHIVED);
        }
    }
}
