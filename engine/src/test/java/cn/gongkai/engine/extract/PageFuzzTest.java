package cn.gongkai.engine.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated inputs, seeded so every failure is reproducible: whatever bytes a site sends under whatever name and
 * Content-Type, {@link PageExtractor#extract} returns a page for its URL and never throws; what it cannot read is
 * marked unreadable and carries no facts.
 */
class PageFuzzTest {

    private static final int TRIES = 300;
    private static final PageExtractor EXTRACTOR = new PageExtractor();

    private static final String PAGE = """
            <html><head><meta charset="utf-8"><title>湘江市教育局2024年政府信息公开工作年度报告</title>
            <meta name="PubDate" content="2025-01-20"></head><body><div class="meta">索引号：000-2025-01
            发布日期：2025-01-20 来源：湘江市教育局</div><h1>湘江市教育局2024年政府信息公开工作年度报告</h1>
            <table><tr><td>一、总体情况</td></tr><tr><td>二、主动公开政府信息情况</td><td>12</td></tr></table>
            <ul><li><a href="/a/1.html">关于印发通知</a><span>2025-01-02</span></li></ul>
            <script>var x = "<div>";</script><p>湘江市教育局 2025年1月20日</p></body></html>""";

    private static final List<String> EXTENSIONS = List.of("html", "htm", "shtml", "txt", "pdf", "xls", "xlsx", "et",
            "doc", "docx", "wps", "", "jsp?id=1");
    private static final List<String> TYPES = Arrays.asList("text/html", "text/html; charset=gbk",
            "text/plain; charset=utf-8", "application/pdf", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
            "application/octet-stream", "text/html; charset=nonsense-charset", null);
    private static final List<String> MAGIC = List.of("%PDF-1.7\n", "%PDF-", "PK\u0003\u0004",
            "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1", "\u00EF\u00BB\u00BF<html>", "\u00FF\u00FE<\u0000h\u0000");
    private static final List<String> JUNK = List.of("<", ">", "</div>", "<!--", "<![CDATA[", "&#x", "&#99999999;",
            "<script>", "\u0000", "<div>".repeat(3000), "发布日期：2099-13-45", "发布日期：", "<meta charset=\"x-unknown\">",
            "\uFFFD\uD800");

    @Test
    void anyBytesUnderAnyNameAndTypeGiveAPageAndNeverThrow() {
        Random random = new Random(20251122L);
        for (int i = 0; i < TRIES; i++) {
            byte[] body = bytes(random, 4096);
            String url = url(random);
            String type = pick(random, TYPES);
            assertWellFormed(EXTRACTOR.extract(new PageSource(url, type, body, null, null)), url, "try " + i);
        }
    }

    @Test
    void knownFileHeadersFollowedByGarbageNeverThrow() {
        Random random = new Random(20251123L);
        for (int i = 0; i < TRIES; i++) {
            byte[] magic = pick(random, MAGIC).getBytes(StandardCharsets.ISO_8859_1);
            byte[] rest = bytes(random, 2048);
            byte[] body = Arrays.copyOf(magic, magic.length + rest.length);
            System.arraycopy(rest, 0, body, magic.length, rest.length);
            String url = url(random);
            assertWellFormed(EXTRACTOR.extract(new PageSource(url, null, body, null, null)), url, "try " + i);
        }
    }

    @Test
    void mangledHtmlIsStillReadAsAPage() {
        Random random = new Random(20251124L);
        String url = "http://jy.example.gov.cn/art/2025/1/20/1.html";
        for (int i = 0; i < TRIES; i++) {
            StringBuilder mangled = new StringBuilder(PAGE.substring(0, Math.min(random.nextInt(2001), PAGE.length())));
            int at = random.nextInt(2001);
            for (int j = random.nextInt(7); j > 0; j--) {
                mangled.insert(Math.min(at, mangled.length()), pick(random, JUNK));
            }
            ExtractedPage page = EXTRACTOR.extract(new PageSource(url, "text/html; charset=utf-8",
                    mangled.toString().getBytes(StandardCharsets.UTF_8), null, null));
            assertWellFormed(page, url, "try " + i);
            // jsoup reads any text as HTML: mangled markup is a page with less in it, not an unreadable one.
            assertThat(page.unreadable()).as("try %d", i).isFalse();
        }
    }

    private static void assertWellFormed(ExtractedPage page, String url, String which) {
        assertThat(page).as(which).isNotNull();
        assertThat(page.url()).as(which).isEqualTo(url);
        assertThat(page.rawText().length()).as(which).isLessThanOrEqualTo(AttachmentText.MAX_CHARS + 1_000);
        if (page.unreadable()) {
            assertThat(page.rawText()).as(which).isEmpty();
            assertThat(page.documents()).as(which).isEmpty();
            assertThat(page.facts()).as(which).isEmpty();
        }
    }

    private static String url(Random random) {
        String ext = pick(random, EXTENSIONS);
        return "http://jy.example.gov.cn/art/2025/1/20/附件" + (ext.isEmpty() ? "" : "." + ext);
    }

    private static byte[] bytes(Random random, int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
