package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDecodingTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** 镕 (U+9555) and 喆 (U+5586) are in GBK/GB18030 but not in GB2312. */
    private static final String GBK_ONLY = "朱镕基 张喆";

    @Test
    void gb2312DeclaredPageWithGbkOnlyCharactersDecodesAsGb18030() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>关于" + GBK_ONLY + "的通知</title></head><body><p>正文</p></body></html>";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/1.htm", "text/html", html, GB18030));
        assertThat(page.charset()).isEqualTo("GB18030");
        assertThat(page.title()).isEqualTo("关于" + GBK_ONLY + "的通知");
    }

    @Test
    void headerSayingUtf8LosesToMetaGbkWhenTheBytesAreGbk() {
        String html = "<html><head><meta charset=\"gbk\"><title>政府信息公开指南</title></head><body>办公地址</body></html>";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/zn.htm", "text/html; charset=UTF-8", html, GB18030));
        assertThat(page.title()).isEqualTo("政府信息公开指南");
        assertThat(page.charset()).isEqualTo("GB18030");
    }

    @Test
    void headerSayingGbkLosesToMetaUtf8WhenTheBytesAreUtf8() {
        String html = "<html><head><meta charset=\"utf-8\"><title>政府信息公开指南</title></head><body>办公地址</body></html>";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/zn.htm", "text/html; charset=GBK", html,
                StandardCharsets.UTF_8));
        assertThat(page.title()).isEqualTo("政府信息公开指南");
        assertThat(page.charset()).isEqualTo("UTF-8");
    }

    @Test
    void latin1HeaderDefaultLosesToDeclaredMeta() {
        String html = "<html><head><meta charset=\"gb2312\"><title>部门预算公开</title></head><body></body></html>";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/ys.htm", "text/html; charset=ISO-8859-1", html, GB18030));
        assertThat(page.title()).isEqualTo("部门预算公开");
    }

    @Test
    void undeclaredGbkBytesAreSniffed() {
        String html = "<html><head><title>湘江市教育局2025年部门预算公开</title></head><body><p>"
                + "根据预算法第十四条的规定，现将我局二〇二五年部门预算及三公经费预算公开如下，包括收支总表、财政拨款收支总表、一般公共预算支出表。"
                + "</p></body></html>";
        ExtractedPage page = Pages.extract(Pages.bytes("https://a.gov.cn/ys.htm", "text/html", html, GB18030));
        assertThat(page.title()).isEqualTo("湘江市教育局2025年部门预算公开");
    }

    @Test
    void utf8ByteOrderMarkWins() {
        byte[] body = ("\uFEFF<html><head><meta charset=gbk><title>年度报告</title></head></html>").getBytes(StandardCharsets.UTF_8);
        ExtractedPage page = Pages.extract(new PageSource("https://a.gov.cn/x.htm", "text/html", body, null, null));
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(page.title()).isEqualTo("年度报告");
    }

    @Test
    void realGb2312PageWithSaverWrapperDecodes() {
        ExtractedPage page = Pages.extract(RealPages.source("chinaneast-zhenxing-dongbei-gb2312-text-wrapper-article.html"));
        assertThat(page.charset()).isEqualTo("GB18030");
        assertThat(page.title()).isEqualTo("农机专家李金泽：为农机行业搭建现代化信息平台");
        assertThat(page.rawText()).doesNotContain("\uFFFD");
        assertThat(page.publishedOn()).hasToString("2005-08-16");
    }

    @Test
    void htmlFragmentWithoutHeadReadsItsMetadataTable() {
        ExtractedPage page = Pages.extract(RealPages.source("govcn-policy-guofa-2019-metadata-table-spaced-keys.html"));
        assertThat(page.title()).isEqualTo("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见");
        assertThat(page.publishedOn()).hasToString("2019-02-15");
        assertThat(page.writtenOn()).hasToString("2019-01-27");
        assertThat(page.documents()).isEmpty();
    }
}
