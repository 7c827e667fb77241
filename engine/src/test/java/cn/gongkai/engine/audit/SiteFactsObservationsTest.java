package cn.gongkai.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gongkai.crawl.FetchFailure;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.fact.AnnualReportContent;
import cn.gongkai.engine.fact.ColumnUpdate;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.UnreadableAttachment;
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

    @Test
    void anAttachmentThatCannotBeReadIsNamedByTheLinksThatPointedAtIt() throws Exception {
        String list = "<html><head><title>预决算公开</title></head><body><ul>"
                + "<li><a href='P020250801.pdf'>2024年部门决算</a><span>2025-08-01</span></li>"
                + "<li><a href='t1.html'>关于公开预算的说明</a><span>2025-03-01</span></li></ul></body></html>";
        String article = "<html><head><title>关于公开预算的说明</title></head><body><p>附件："
                + "<a href='%E9%A2%84%E7%AE%97.xls'>2025年部门预算（点击下载）</a></p></body></html>";
        byte[] corruptPdf = "%PDF-1.7\n1 0 obj\n<<".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] ole2 = new byte[2048];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        List<FetchedPage> pages = List.of(
                page("", null, 0),
                raw("cz/", HOME, 1, "text/html; charset=UTF-8", list.getBytes(java.nio.charset.StandardCharsets.UTF_8), false),
                raw("cz/P020250801.pdf", HOME + "cz/", 2, "application/pdf", corruptPdf, true),
                raw("cz/t1.html", HOME + "cz/", 2, "text/html; charset=UTF-8",
                        article.getBytes(java.nio.charset.StandardCharsets.UTF_8), false),
                raw("cz/%E9%A2%84%E7%AE%97.xls", HOME + "cz/t1.html", 3, "application/vnd.ms-excel", ole2, false));
        SiteCrawl crawl = new SiteCrawl(HOME, pages, List.of(), List.of());

        SiteFacts facts = SiteFacts.of(HOME, crawl, new PageExtractor());

        assertThat(facts.documents()).as("nothing could be read of either file").noneMatch(d ->
                d.kind() == DocumentKind.DEPARTMENT_BUDGET || d.kind() == DocumentKind.DEPARTMENT_FINAL_ACCOUNTS);
        assertThat(facts.observations()).filteredOn(UnreadableAttachment.class::isInstance)
                .map(UnreadableAttachment.class::cast)
                .extracting(UnreadableAttachment::fileName, UnreadableAttachment::linkText, UnreadableAttachment::kind,
                        UnreadableAttachment::yearCovered, u -> u.source().warcRecordId())
                .containsExactly(
                        tuple("P020250801.pdf", "2024年部门决算", DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, 2024, "<urn:uuid:2>"),
                        tuple("预算.xls", "2025年部门预算（点击下载）", DocumentKind.DEPARTMENT_BUDGET, 2025, "<urn:uuid:3>"));
        assertThat(facts.observations()).filteredOn(UnreadableAttachment.class::isInstance)
                .map(u -> ((UnreadableAttachment) u).reason())
                .as("the PDF was cut by the crawler's byte cap; the XLS is corrupt")
                .satisfiesExactly(r -> assertThat(r).startsWith("文件超过下载字节上限"),
                        r -> assertThat(r).startsWith("文件已损坏或格式无法识别"));
    }

    private static FetchedPage raw(String path, String referrer, int depth, String type, byte[] body, boolean cut) {
        return new FetchedPage(HOME + path, HOME + path, referrer, depth, 200, type, body, cut, Instant.EPOCH,
                "<urn:uuid:" + depth + ">");
    }

    private static FetchedPage page(String path, String referrer, int depth) throws Exception {
        Path file = WWW.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        return new FetchedPage(HOME + path, HOME + path, referrer, depth, 200, "text/html; charset=UTF-8",
                Files.readAllBytes(file), false, Instant.EPOCH, "<urn:uuid:" + depth + ">");
    }
}
