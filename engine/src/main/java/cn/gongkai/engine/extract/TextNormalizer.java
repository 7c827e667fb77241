package cn.gongkai.engine.extract;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.regex.Pattern;

/**
 * Makes text fit for keyword matching: removes pinyin-pair mojibake ({@code 發(fā)} → {@code 發}), converts
 * Traditional to Simplified (ICU {@code Traditional-Simplified}), folds full-width ASCII forms and the
 * ideographic space to ASCII, and collapses runs of spaces.
 */
final class TextNormalizer {

    /** A Han character followed by its pinyin with at least one tone mark, in ASCII or full-width brackets. */
    private static final Pattern PINYIN_PAIR = Pattern.compile(
            "(\\p{IsHan})[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*)[)）]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u3000\\u2002\\u2003\\u200B]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*");
    private static final ThreadLocal<Transliterator> T2S =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    /**
     * Characters the transliterator changes on their own. Most pages are Simplified already: checking for these
     * first skips ICU's rule matching, which was half the CPU of an audit campaign (BENCHMARKS.md, JFR profile).
     * ICU's own {@code getSourceSet()} cannot serve: it also lists the common characters its context rules look at.
     */
    private static final UnicodeSet TRADITIONAL = traditionalOnly();

    private static UnicodeSet traditionalOnly() {
        Transliterator t = Transliterator.getInstance("Traditional-Simplified");
        UnicodeSet out = new UnicodeSet();
        for (String c : t.getSourceSet()) {
            if (!t.transliterate(c).equals(c)) {
                out.add(c);
            }
        }
        return out.freeze();
    }

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = removePinyinPairs(text);
        if (!TRADITIONAL.containsNone(s)) {
            s = T2S.get().transliterate(s);
        }
        s = foldWidth(s);
        s = SPACES.matcher(s).replaceAll(" ");
        s = BLANK_LINES.matcher(s).replaceAll("\n");
        return s.strip();
    }

    static String removePinyinPairs(String text) {
        return PINYIN_PAIR.matcher(text).replaceAll("$1");
    }

    /** Normalises and removes every space: for matching labels such as {@code 索 引 号} or {@code 标　　题}. */
    static String key(String text) {
        return normalize(text).replaceAll("\\s+", "");
    }

    /** Full-width ASCII (U+FF01–FF5E) to ASCII, ideographic and no-break spaces to ASCII space. */
    static String foldWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
