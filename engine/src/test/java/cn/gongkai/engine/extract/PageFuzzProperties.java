package cn.gongkai.engine.extract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: whatever bytes a site sends under whatever name and Content-Type, {@link PageExtractor#extract}
 * returns a page for its URL and never throws; what it cannot read is marked unreadable and carries no facts.
 */
class PageFuzzProperties {

    private static final PageExtractor EXTRACTOR = new PageExtractor();

    private static final String PAGE = """
            <html><head><meta charset="utf-8"><title>湘江市教育局2024年政府信息公开工作年度报告</title>
            <meta name="PubDate" content="2025-01-20"></head><body><div class="meta">索引号：000-2025-01
            发布日期：2025-01-20 来源：湘江市教育局</div><h1>湘江市教育局2024年政府信息公开工作年度报告</h1>
            <table><tr><td>一、总体情况</td></tr><tr><td>二、主动公开政府信息情况</td><td>12</td></tr></table>
            <ul><li><a href="/a/1.html">关于印发通知</a><span>2025-01-02</span></li></ul>
            <script>var x = "<div>";</script><p>湘江市教育局 2025年1月20日</p></body></html>""";

    @Property(tries = 300)
    void anyBytesUnderAnyNameAndTypeGiveAPageAndNeverThrow(@ForAll @Size(max = 4096) byte[] body,
                                                          @ForAll("urls") String url, @ForAll("types") String type) {
        ExtractedPage page = EXTRACTOR.extract(new PageSource(url, type, body, null, null));
        assertWellFormed(page, url);
    }

    @Property(tries = 300)
    void knownFileHeadersFollowedByGarbageNeverThrow(@ForAll("magic") String magic, @ForAll @Size(max = 2048) byte[] rest,
                                                    @ForAll("urls") String url) {
        byte[] body = concat(magic.getBytes(StandardCharsets.ISO_8859_1), rest);
        assertWellFormed(EXTRACTOR.extract(new PageSource(url, null, body, null, null)), url);
    }

    @Property(tries = 300)
    void mangledHtmlIsStillReadAsAPage(@ForAll @IntRange(min = 0, max = 2000) int cut,
                                       @ForAll("junk") List<String> insertions,
                                       @ForAll @IntRange(min = 0, max = 2000) int at) {
        String html = PAGE.substring(0, Math.min(cut, PAGE.length()));
        StringBuilder mangled = new StringBuilder(html);
        for (String junk : insertions) {
            mangled.insert(Math.min(at, mangled.length()), junk);
        }
        String url = "http://jy.example.gov.cn/art/2025/1/20/1.html";
        ExtractedPage page = EXTRACTOR.extract(new PageSource(url, "text/html; charset=utf-8",
                mangled.toString().getBytes(StandardCharsets.UTF_8), null, null));
        assertWellFormed(page, url);
        // jsoup reads any text as HTML: mangled markup is a page with less in it, not an unreadable one.
        assertThat(page.unreadable()).isFalse();
    }

    private static void assertWellFormed(ExtractedPage page, String url) {
        assertThat(page).isNotNull();
        assertThat(page.url()).isEqualTo(url);
        assertThat(page.rawText().length()).isLessThanOrEqualTo(AttachmentText.MAX_CHARS + 1_000);
        if (page.unreadable()) {
            assertThat(page.rawText()).isEmpty();
            assertThat(page.documents()).isEmpty();
            assertThat(page.facts()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.of("html", "htm", "shtml", "txt", "pdf", "xls", "xlsx", "et", "doc", "docx", "wps", "", "jsp?id=1")
                .map(ext -> "http://jy.example.gov.cn/art/2025/1/20/附件" + (ext.isEmpty() ? "" : "." + ext));
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("text/html", "text/html; charset=gbk", "text/plain; charset=utf-8", "application/pdf",
                "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/msword", "application/octet-stream", "text/html; charset=nonsense-charset").injectNull(0.1);
    }

    @Provide
    Arbitrary<String> magic() {
        return Arbitraries.of("%PDF-1.7\n", "%PDF-", "PK\u0003\u0004", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1",
                "\u00EF\u00BB\u00BF<html>", "\u00FF\u00FE<\u0000h\u0000");
    }

    @Provide
    Arbitrary<List<String>> junk() {
        return Arbitraries.of("<", ">", "</div>", "<!--", "<![CDATA[", "&#x", "&#99999999;", "<script>", "\u0000",
                        "<div>".repeat(3000), "发布日期：2099-13-45", "发布日期：", "<meta charset=\"x-unknown\">", "\uFFFD\uD800")
                .list().ofMaxSize(6);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
