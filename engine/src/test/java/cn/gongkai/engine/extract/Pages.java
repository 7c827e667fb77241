package cn.gongkai.engine.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Small builders of {@link PageSource}s for tests. */
final class Pages {

    static final PageExtractor EXTRACTOR = new PageExtractor();

    private Pages() {
    }

    static PageSource html(String url, String html) {
        return new PageSource(url, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null, null);
    }

    static PageSource bytes(String url, String contentType, String text, Charset cs) {
        return new PageSource(url, contentType, text.getBytes(cs), null, null);
    }

    static ExtractedPage extract(PageSource source) {
        return EXTRACTOR.extract(source);
    }

    static ExtractedPage html(String html) {
        return extract(html("https://www.example.gov.cn/zwgk/art/2025/t1.html", html));
    }
}
