package cn.gongkai.engine.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the entries of a column list page: each innermost {@code <li>} or table row holding a link and a
 * date beside it becomes a {@link ListEntry} with the absolute link, the link text (or its {@code title}
 * attribute when the text is cut short) and the date.
 */
final class ListEntries {

    private static final int MIN_TITLE = 4;

    private ListEntries() {
    }

    static List<ListEntry> read(Document doc) {
        Map<String, ListEntry> out = new LinkedHashMap<>();
        for (Element item : doc.select("li, tr, dd, dt, p")) {
            if (item.select("li, tr").size() > 1) {
                continue; // not innermost: its own rows are visited separately
            }
            Element link = mainLink(item);
            if (link == null) {
                continue;
            }
            String url = link.absUrl("href");
            if (url.isEmpty() || url.startsWith("javascript") || out.containsKey(url)) {
                continue;
            }
            String linkText = link.text().strip();
            String title = linkText;
            String attrTitle = link.attr("title").strip();
            if (!attrTitle.isEmpty() && (title.endsWith("…") || title.endsWith("...") || title.length() < attrTitle.length())) {
                title = attrTitle;
            }
            if (title.length() < MIN_TITLE) {
                continue;
            }
            String rest = TextNormalizer.foldWidth(item.text().replace(linkText, " "));
            LocalDate date = ChineseDates.first(rest);
            if (date == null) {
                continue;
            }
            out.put(url, new ListEntry(url, title, date));
        }
        return new ArrayList<>(out.values());
    }

    private static Element mainLink(Element item) {
        Element best = null;
        for (Element a : item.select("a[href]")) {
            if (best == null || a.text().length() > best.text().length()) {
                best = a;
            }
        }
        return best;
    }
}
