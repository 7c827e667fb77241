package cn.gongkai.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.crawl.FetchFailure;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.fact.AnnualReportContent;
import cn.gongkai.engine.fact.ColumnUpdate;
import cn.gongkai.engine.fact.HomePageUpdate;
import cn.gongkai.engine.fact.LinkFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Site-level observations of a crawl of the model fixture site (pages read from its static tree). */
class SiteFactsObservationsTest {

    private static final Path WWW = Path.of(System.getProperty("user.dir"))
            .resolve("../fixtures/src/main/resources/sites/hn-model-dept/www").normalize();
    private static final String HOME = "http://fixture.test/";

    @Test
    void columnsHomePageAndFailuresBecomeObservations() throws Exception {
        List<FetchedPage> pages = new ArrayList<>();
        pages.add(page("", null, 0));
        pages.add(page("zwdt/", HOME, 1));
        pages.add(page("zwdt/202509/t20250926_1005631.html", HOME, 1));
        pages.add(page("zfxxgk/qtgk/sqzc/", HOME + "zfxxgk/", 2));
        pages.add(page("zfxxgk/zfxxgknb/202501/t20250120_1000873.html", HOME + "zfxxgk/", 2));
        SiteCrawl crawl = new SiteCrawl(HOME, pages,
                List.of(new FetchFailure(HOME + "gone.html", HOME + "zwdt/", 404, "HTTP 404", Instant.EPOCH)), List.of());

        List<Object> observations = SiteFacts.of(HOME, crawl, new PageExtractor()).observations();

        assertThat(observations).filteredOn(ColumnUpdate.class::isInstance).map(ColumnUpdate.class::cast)
                .extracting(c -> c.name() + ":" + c.itemCount() + ":" + c.lastUpdated())
                .containsExactly("工作动态:3:2025-09-26", "涉企政策专栏:0:null");
        assertThat(observations).filteredOn(HomePageUpdate.class::isInstance).map(HomePageUpdate.class::cast)
                .singleElement().satisfies(h -> assertThat(h.lastUpdated()).isEqualTo(LocalDate.of(2025, 9, 26)));
        assertThat(observations).contains(new LinkFailure(HOME + "gone.html", HOME + "zwdt/", 404, "HTTP 404"));
        assertThat(observations).filteredOn(AnnualReportContent.class::isInstance).map(AnnualReportContent.class::cast)
                .singleElement().satisfies(a -> {
                    assertThat(a.uniformFormat()).isTrue();
                    assertThat(a.tablesAddUp()).isTrue();
                });
    }

    private static FetchedPage page(String path, String referrer, int depth) throws Exception {
        Path file = WWW.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        return new FetchedPage(HOME + path, HOME + path, referrer, depth, 200, "text/html; charset=UTF-8",
                Files.readAllBytes(file), false, Instant.EPOCH, "<urn:uuid:" + depth + ">");
    }
}
