package cn.gongkai.engine.extract;

import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Picks an HTML page's title: the {@code ArticleTitle} meta tag (政府网站发展指引), the metadata block's 标题,
 * the main heading ({@code h1}, {@code h2} or a {@code *title*} class) when {@code <title>} confirms it, then
 * {@code <title>} without its site-name suffix, then the first heading.
 */
final class TitleFinder {

    private static final Pattern SUFFIX = Pattern.compile("\\s*(?:_|\\||｜| - | — |－|--).*$");

    private TitleFinder() {
    }

    static String find(Document doc, Map<String, String> metadata) {
        String meta = metaContent(doc, "ArticleTitle");
        if (!meta.isEmpty()) {
            // Some CMSs put markup inside the attribute: <meta name="ArticleTitle" content="…<div>——…</div>">
            return clean(meta.replaceAll("<[^>]*>", ""));
        }
        String block = metadata.get(MetadataBlock.TITLE);
        if (block != null && !block.isBlank()) {
            return clean(block);
        }
        Element titleEl = doc.selectFirst("title");
        String pageTitle = titleEl == null ? "" : clean(titleEl.text());
        String trimmed = trimSuffix(pageTitle);
        String firstHeading = "";
        for (Element h : doc.select("h1, h2, [class~=(?i)title], [id~=(?i)title]")) {
            String text = clean(h.text());
            if (text.length() < 4 || text.length() > 200) {
                continue;
            }
            // The part before the site-name suffix must hold the heading: a logo <h1> with the site name is no title.
            if (!pageTitle.isEmpty() && trimmed.contains(text) && text.length() >= trimmed.length() / 2) {
                return text;
            }
            if (firstHeading.isEmpty() && (h.normalName().equals("h1"))) {
                firstHeading = text;
            }
        }
        if (!trimmed.isEmpty()) {
            return trimmed;
        }
        return firstHeading;
    }

    static String metaContent(Document doc, String name) {
        for (Element m : doc.select("meta[name]")) {
            if (m.attr("name").equalsIgnoreCase(name)) {
                String c = m.attr("content").strip();
                if (!c.isEmpty()) {
                    return c;
                }
            }
        }
        return "";
    }

    static String trimSuffix(String title) {
        String t = SUFFIX.matcher(title).replaceFirst("");
        return t.length() >= 4 ? t : title;
    }

    static String clean(String s) {
        return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }
}
