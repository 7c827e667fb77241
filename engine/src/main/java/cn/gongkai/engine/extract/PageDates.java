package cn.gongkai.engine.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that are not in a metadata block: a labelled 发布日期 shown near the title ({@code 发布时间：},
 * {@code 日期：}, {@code 时间：}, a date right before {@code 来源：}, or a date alone on a line just below the
 * title), and the signature date (落款) that ends a
 * document after the issuer's name. Dates elsewhere in the body are decoys and never used.
 */
final class PageDates {

    private static final Pattern LABELLED = Pattern.compile(
            "(?<!\\p{IsHan})(?:发布时间|发布日期|发表时间|发表日期|发布于|日期|时间)\\s*[:：]\\s*");
    private static final Pattern BEFORE_SOURCE = Pattern.compile("^\\s*(?:来源|信息来源|作者)\\s*[:：]");
    private static final Pattern ISSUER_BEFORE = Pattern.compile(
            "\\p{IsHan}{2,40}(?:人民政府|政府|办公室|办公厅|委员会|管委会|工作委员会|局|厅|部|中心|院|会|所|站|委|处|乡|镇|街道|公司|学校|办|组)"
                    + "[)）]?\\s*$|[。！!]\\s*$");
    private static final Pattern AFTER_SIGNATURE = Pattern.compile(
            "^(?:\\s*$|\\s*\\n|\\s*(?:附件|附表|\\(此件|（此件|\\(此页|（此页|抄送|主题词|\\(联系|（联系|打印|关闭|【|\\[|相关|责任编辑|扫一扫|分享))");
    private static final int NEAR_TITLE = 300;
    private static final int BYLINE_WINDOW = 160;
    private static final int NO_TITLE_WINDOW = 3000;
    /** Real titles are well under this; see {@link #loose}. */
    private static final int MAX_TITLE_CHARS = 200;

    private PageDates() {
    }

    /** A labelled publication date near the title (or near the top when the title is not found in the text). */
    static LocalDate labelledNearTitle(String normalizedText, String normalizedTitle) {
        String text = normalizedText;
        if (normalizedTitle != null && normalizedTitle.strip().length() >= 4) {
            List<int[]> spans = new ArrayList<>();
            Matcher t = loose(normalizedTitle).matcher(text);
            while (t.find() && spans.size() < 20) {
                spans.add(new int[] {t.start(), t.end()});
            }
            for (int[] span : spans) {
                LocalDate d = labelled(text.substring(Math.max(0, span[0] - NEAR_TITLE),
                        Math.min(text.length(), span[1] + NEAR_TITLE)));
                if (d != null) {
                    return d;
                }
            }
            for (int[] span : spans) {
                LocalDate d = byline(text.substring(span[1], Math.min(text.length(), span[1] + BYLINE_WINDOW)));
                if (d != null) {
                    return d;
                }
            }
        }
        return labelled(text.substring(0, Math.min(text.length(), NO_TITLE_WINDOW)));
    }

    /**
     * The title as a pattern that tolerates line breaks and spaces between its characters. Only its first
     * {@link #MAX_TITLE_CHARS} characters: a mangled page whose "title" is thousands of characters long made the
     * pattern overflow the stack while compiling (found by {@code PageFuzzProperties}).
     */
    private static Pattern loose(String title) {
        StringBuilder b = new StringBuilder();
        title.replaceAll("\\s+", "").codePoints().limit(MAX_TITLE_CHARS).forEach(cp -> {
            if (b.length() > 0) {
                b.append("\\s*");
            }
            b.append(Pattern.quote(new String(Character.toChars(cp))));
        });
        return Pattern.compile(b.toString());
    }

    /** An unlabelled date standing on its own line just below the title (a byline such as "2022-02-11 09:52"). */
    private static LocalDate byline(String window) {
        for (ChineseDates.Hit hit : ChineseDates.findAll(window)) {
            int lineStart = window.lastIndexOf('\n', hit.start() - 1) + 1;
            int lineEnd = window.indexOf('\n', hit.end());
            String line = window.substring(lineStart, lineEnd < 0 ? window.length() : lineEnd).strip();
            if (line.length() <= hit.end() - hit.start() + 2 && window.substring(lineStart, hit.start()).isBlank()) {
                return onlyShortLinesBefore(window.substring(0, lineStart)) ? hit.date() : null;
            }
        }
        return null;
    }

    /** Between a title and its byline there is at most a source or site line, never body text. */
    private static boolean onlyShortLinesBefore(String gap) {
        for (String line : gap.split("\n")) {
            if (line.strip().length() > 40 || line.contains("。")) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate labelled(String window) {
        Matcher m = LABELLED.matcher(window);
        while (m.find()) {
            List<ChineseDates.Hit> hits = ChineseDates.findAll(window.substring(m.end(), Math.min(window.length(), m.end() + 24)));
            if (!hits.isEmpty() && hits.get(0).start() == 0) {
                return hits.get(0).date();
            }
        }
        for (ChineseDates.Hit hit : ChineseDates.findAll(window)) {
            if (BEFORE_SOURCE.matcher(window.substring(hit.end())).find()) {
                return hit.date();
            }
        }
        return null;
    }

    /**
     * The first date that directly follows an issuer's name (or, when the issuer is left out, the end of the last
     * sentence) and ends the text or a line, or comes right before 附件/抄送: the 落款 date. The first, not the
     * last: documents append attachments (an expert report, a table) with signatures of their own.
     */
    static LocalDate signature(String normalizedText) {
        for (ChineseDates.Hit hit : ChineseDates.findAll(normalizedText)) {
            String before = normalizedText.substring(Math.max(0, hit.start() - 60), hit.start());
            int nl = before.lastIndexOf('\n');
            String sameLine = before.substring(nl + 1);
            boolean issuerBefore = ISSUER_BEFORE.matcher(sameLine).find()
                    || (sameLine.isBlank() && ISSUER_BEFORE.matcher(before.substring(0, Math.max(0, nl))).find());
            if (!issuerBefore) {
                continue;
            }
            String after = normalizedText.substring(hit.end(), Math.min(normalizedText.length(), hit.end() + 12));
            if (AFTER_SIGNATURE.matcher(after).find()) {
                return hit.date();
            }
        }
        return null;
    }
}
