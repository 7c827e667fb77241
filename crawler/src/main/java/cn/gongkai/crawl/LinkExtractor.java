package cn.gongkai.crawl;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links of an HTML page, for the frontier only: {@code a[href]}, {@code iframe[src]} and {@code frame[src]},
 * made absolute against the page URL (or its {@code <base href>}), in document order. The text is decoded with
 * the charset the Content-Type declares, else ISO-8859-1, which keeps every byte and is enough for the ASCII
 * hrefs links almost always are; the page bytes themselves are never changed.
 */
final class LinkExtractor {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);

    private LinkExtractor() {
    }

    /** Whether a response with this Content-Type (and body) is HTML worth parsing for links. */
    static boolean isHtml(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            String ct = contentType.toLowerCase(Locale.ROOT);
            return ct.startsWith("text/html") || ct.startsWith("application/xhtml");
        }
        // No Content-Type: sniff for markup.
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head");
    }

    /** Absolute link targets on the page, de-duplicated, in document order. */
    static Set<String> links(byte[] body, String contentType, String pageUrl) {
        Document doc = Jsoup.parse(new String(body, charset(contentType)), pageUrl);
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.select("a[href], iframe[src], frame[src]")) {
            String attr = e.normalName().equals("a") ? "href" : "src";
            String abs = e.absUrl(attr);
            if (!abs.isEmpty()) {
                out.add(abs);
            }
        }
        return out;
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.ISO_8859_1;
                }
            }
        }
        return StandardCharsets.ISO_8859_1;
    }
}
