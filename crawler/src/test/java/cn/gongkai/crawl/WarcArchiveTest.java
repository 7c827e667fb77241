package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcArchiveTest {

    @TempDir
    Path dir;

    private static TestSite site() throws Exception {
        return new TestSite().robots("User-agent: *\nDisallow: /private/\n")
                .page("/", "<a href='/a.html'>a</a><a href='/old'>old</a><a href='/gone.html'>gone</a>")
                .page("/a.html", "<p>a</p>")
                .redirect("/old", "/new.html")
                .page("/new.html", "<p>new</p>");
    }

    @Test
    void archiveStartsWithWarcinfoAndHoldsRequestAndResponseForEveryFetch() throws Exception {
        Path file = dir.resolve("crawl.warc.gz");
        try (TestSite site = site()) {
            try (WarcArchive archive = WarcArchive.create(file)) {
                new SiteCrawler(TestSettings.fast(), archive).crawl(site.uri("/"));
            }

            List<WarcArchive.Entry> entries = WarcArchive.read(file);

            assertThat(entries.get(0).type()).isEqualTo("warcinfo");
            Map<String, Long> responses = entries.stream().filter(e -> e.type().equals("response"))
                    .collect(Collectors.groupingBy(WarcArchive.Entry::targetUri, Collectors.counting()));
            Map<String, Long> requests = entries.stream().filter(e -> e.type().equals("request"))
                    .collect(Collectors.groupingBy(WarcArchive.Entry::targetUri, Collectors.counting()));
            List<String> fetched = site.hits().stream().map(h -> site.url(h.path())).toList();
            assertThat(responses.keySet()).containsExactlyInAnyOrderElementsOf(fetched);
            assertThat(requests).isEqualTo(responses);
            assertThat(entries).filteredOn(e -> e.targetUri() != null && e.targetUri().endsWith("/old"))
                    .filteredOn(e -> e.type().equals("response"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.status()).isEqualTo(301);
                        assertThat(e.headers().get("Location")).containsExactly("/new.html");
                    });
            assertThat(entries).filteredOn(e -> e.type().equals("request")).allSatisfy(e -> {
                assertThat(e.headers().get("User-Agent")).containsExactly(CrawlSettings.DEFAULT_USER_AGENT);
                assertThat(e.concurrentTo()).hasSize(1);
            });
            assertThat(entries).allSatisfy(e -> assertThat(e.date()).isNotNull());
        }
    }

    @Test
    void everyFetchedPageRecordIdFindsItsResponse() throws Exception {
        Path file = dir.resolve("crawl.warc.gz");
        try (TestSite site = site()) {
            SiteCrawl crawl;
            try (WarcArchive archive = WarcArchive.create(file)) {
                crawl = new SiteCrawler(TestSettings.fast(), archive).crawl(site.uri("/"));
            }

            assertThat(crawl.pages()).hasSize(3);
            for (FetchedPage page : crawl.pages()) {
                assertThat(page.warcRecordId()).matches("<urn:uuid:[0-9a-f-]{36}>");
                WarcArchive.Entry e = WarcArchive.findResponse(file, page.warcRecordId()).orElseThrow();
                assertThat(e.targetUri()).isEqualTo(page.url());
                assertThat(e.status()).isEqualTo(page.status());
                assertThat(e.payload()).isEqualTo(page.body());
            }
            assertThat(WarcArchive.findResponse(file, "<urn:uuid:00000000-0000-0000-0000-000000000000>")).isEmpty();
        }
    }

    @Test
    void manySitesCrawledAtOnceIntoOneArchiveStayReadable() throws Exception {
        Path file = dir.resolve("crawl.warc.gz");
        List<TestSite> sites = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (WarcArchive archive = WarcArchive.create(file)) {
            SiteCrawler crawler = new SiteCrawler(TestSettings.fast(), archive);
            List<Future<SiteCrawl>> crawls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestSite s = site();
                sites.add(s);
                crawls.add(pool.submit(() -> crawler.crawl(s.uri("/"))));
            }
            List<String> ids = new ArrayList<>();
            for (Future<SiteCrawl> f : crawls) {
                f.get().pages().forEach(p -> ids.add(p.warcRecordId()));
            }
            archive.close();

            List<WarcArchive.Entry> entries = WarcArchive.read(file);
            assertThat(ids).hasSize(12);
            assertThat(entries).filteredOn(e -> e.type().equals("response")).extracting(WarcArchive.Entry::id)
                    .containsAll(ids);
            // each request is immediately followed by its response
            for (int i = 1; i < entries.size(); i += 2) {
                assertThat(entries.get(i).type()).isEqualTo("request");
                assertThat(entries.get(i).concurrentTo()).containsExactly(entries.get(i + 1).id());
            }
        } finally {
            pool.shutdownNow();
            for (TestSite s : sites) {
                s.close();
            }
        }
    }
}
