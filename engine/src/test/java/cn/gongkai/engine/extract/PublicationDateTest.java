package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationDateTest {

    @Test
    void bodyDatesAreNeverTakenForThePublicationDate() {
        ExtractedPage page = Pages.html("<html><head><title>关于做好防汛工作的通知_某县人民政府</title></head><body>"
                + "<h1>关于做好防汛工作的通知</h1><p>各乡镇：2019年3月1日起施行的办法规定，2018年9月6日前完成。</p></body></html>");
        assertThat(page.publishedOn()).isNull();
    }

    @Test
    void labelledDateNextToTheTitleIsTheFallback() {
        ExtractedPage page = Pages.html("<html><head><title>关于做好防汛工作的通知_某县人民政府</title></head><body>"
                + "<h1>关于做好防汛工作的通知</h1><div>发布时间：2020-05-06 09:00 来源：县水利局</div>"
                + "<p>2019年3月1日起施行的办法规定。</p></body></html>");
        assertThat(page.publishedOn()).hasToString("2020-05-06");
    }

    @Test
    void metadataBlockWinsOverPubDateAndLabelledDates() {
        ExtractedPage page = Pages.html("<html><head><meta name=\"PubDate\" content=\"2021-01-05 10:00\">"
                + "<title>某通知</title></head><body><table><tr><td>发布日期：</td><td>2021年01月04日</td>"
                + "<td>成文日期：</td><td>2020年12月30日</td></tr></table>"
                + "<div>时间：2021-01-06</div></body></html>");
        assertThat(page.publishedOn()).hasToString("2021-01-04");
        assertThat(page.writtenOn()).hasToString("2020-12-30");
    }

    @Test
    void pubDateMetaWinsOverLabelledDate() {
        ExtractedPage page = Pages.html("<html><head><meta name=\"PubDate\" content=\"2021-01-05 10:00\">"
                + "<title>某通知</title></head><body><h1>某通知</h1><div>日期：2021-01-06</div></body></html>");
        assertThat(page.publishedOn()).hasToString("2021-01-05");
    }

    @Test
    void traditionalMojibakeLabelsAreRead() {
        ExtractedPage page = Pages.html("<html><head><title>某區(qū)通知</title></head><body>"
                + "<ul><li>發(fā)布日期：2020-03-20</li><li>成文日期：二〇二〇年三月十八日</li></ul></body></html>");
        assertThat(page.publishedOn()).hasToString("2020-03-20");
        assertThat(page.writtenOn()).hasToString("2020-03-18");
    }

    @Test
    void signatureDateAfterTheIssuerIsTheWrittenDate() {
        ExtractedPage page = Pages.html("<html><head><title>关于某事的函</title></head><body><h1>关于某事的函</h1>"
                + "<p>2019年1月1日以来，按照要求做好工作。</p><p>某县人民政府办公室</p><p>2019年5月6日</p>"
                + "<p>附件：统计表</p></body></html>");
        assertThat(page.writtenOn()).hasToString("2019-05-06");
        assertThat(page.publishedOn()).isNull();
    }

    @Test
    void textRenderingHeaderLinesAreMetadata() {
        String text = "标题: 湘江市2024年政府信息公开工作年度报告\n发布时间: 2025-01-20 10:00\n文号: \n"
                + "==================== 正文 ====================\n时间：2025-01-21 正文 2024年1月1日至12月31日";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/nb.txt", "text/plain; charset=utf-8", text,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.title()).isEqualTo("湘江市2024年政府信息公开工作年度报告");
        assertThat(page.publishedOn()).hasToString("2025-01-20");
        assertThat(page.documents()).singleElement().satisfies(d -> assertThat(d.yearCovered()).isEqualTo(2024));
    }

    @Test
    void plainTextWithoutHeaderTakesTheLineAboveTheBylineAsTitle() throws Exception {
        java.nio.file.Path seed = java.nio.file.Path.of(System.getProperty("user.dir"))
                .resolve("src/test/resources/seeds/003_b384f68c13deff26.txt");
        ExtractedPage page = Pages.extract(new PageSource("https://www.zp.gov.cn/zwgk/003.txt", "text/plain",
                java.nio.file.Files.readAllBytes(seed), null, null));
        assertThat(page.title()).isEqualTo("漳平市2014年政府信息公开工作要点落实情况报告");
        assertThat(page.publishedOn()).hasToString("2014-12-11");
        assertThat(page.documents()).isEmpty();
    }
}
