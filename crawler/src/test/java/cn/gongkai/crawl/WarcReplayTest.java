package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcReplayTest {

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
        try (TestSite site = new TestSite()) {
            site.page("/", "<a href='/silent.html'>无响应</a>").route("/silent.html", new SilentServerRoute());
            CrawlSettings settings = TestSettings.fast().withRequestTimeout(Duration.ofMillis(300));
            Path first = dir.resolve("crawl.warc.gz");
            SiteCrawl original;
            try (WarcArchive archive = WarcArchive.create(first)) {
                original = new SiteCrawler(settings, archive).crawl(site.uri("/"));
            }
            long silentBefore = site.count("/silent.html");

            SiteCrawl resumed;
            try (WarcArchive archive = WarcArchive.create(dir.resolve("crawl-00001.warc.gz"))) {
                resumed = new SiteCrawler(settings, archive, WarcReplay.load(List.of(first))).crawl(site.uri("/"));
            }

            assertThat(site.count("/silent.html")).isEqualTo(silentBefore);
            assertThat(resumed.failures()).extracting(FetchFailure::url, FetchFailure::status, FetchFailure::error)
                    .isEqualTo(original.failures().stream().map(f -> tuple(f.url(), f.status(), f.error())).toList());
            assertThat(resumed.failures()).singleElement()
                    .satisfies(f -> assertThat(f.error()).isEqualTo("timeout after 300ms"));
        }
    }
}
