package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ListEntriesTest {

    @Test
    void columnListItemsBecomeDatedAbsoluteLinks() {
        ExtractedPage page = Pages.extract(Pages.html("https://jyj.xiangjiang.gov.cn/zwgk/ysjs/index.html",
                "<html><head><meta name=\"ColumnName\" content=\"预决算公开\"><title>预决算公开</title></head><body>"
                        + "<ul class=\"list\">"
                        + "<li><a href=\"./W020250301.pdf\">湘江市教育局2025年部门预算</a><span>2025-03-01</span></li>"
                        + "<li><a href=\"/zwgk/ysjs/202407/t20240715_1.html\" title=\"湘江市教育局2023年度部门决算公开\">湘江市教育局2023年度部门…</a>"
                        + "<span>[2024/07/15]</span></li>"
                        + "<li><a href=\"https://other.gov.cn/a.html\">没有日期的链接</a></li>"
                        + "</ul></body></html>"));
        assertThat(page.listEntries()).containsExactly(
                new ListEntry("https://jyj.xiangjiang.gov.cn/zwgk/ysjs/W020250301.pdf", "湘江市教育局2025年部门预算",
                        LocalDate.of(2025, 3, 1)),
                new ListEntry("https://jyj.xiangjiang.gov.cn/zwgk/ysjs/202407/t20240715_1.html", "湘江市教育局2023年度部门决算公开",
                        LocalDate.of(2024, 7, 15)));
        assertThat(page.documents()).isEmpty();
    }

    @Test
    void tableRowListsAreRead() {
        ExtractedPage page = Pages.extract(Pages.html("https://a.gov.cn/nb/",
                "<table><tr><td><a href=\"t1.html\">某县2024年政府信息公开工作年度报告</a></td><td>2025-03-28</td></tr>"
                        + "<tr><td><a href=\"t2.html\">某县2023年政府信息公开工作年度报告</a></td><td>2024年3月29日</td></tr></table>"));
        assertThat(page.listEntries()).extracting(ListEntry::url)
                .containsExactly("https://a.gov.cn/nb/t1.html", "https://a.gov.cn/nb/t2.html");
        assertThat(page.listEntries()).extracting(ListEntry::date)
                .containsExactly(LocalDate.of(2025, 3, 28), LocalDate.of(2024, 3, 29));
    }
}
