package cn.gongkai.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules for putting text read from agency websites into a spreadsheet without it ever acting as code.
 *
 * <p>Follows the OWASP "CSV injection" guidance: a value starting with {@code = + - @}, a tab, CR or LF may be
 * re-read as a formula when the sheet is exported to CSV and opened again, so such cells get Excel's quote
 * prefix. Hyperlinks are only made for absolute {@code http}/{@code https} URLs.
 */
final class SafeText {

    /** Excel's limit on the characters in one cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Excel ignores hyperlink addresses longer than this. */
    static final int MAX_LINK_CHARS = 2_079;

    private static final String FORMULA_TRIGGERS = "=+-@\t\r\n";

    private SafeText() {
    }

    /** Whether a spreadsheet could read this text as the start of a formula. */
    static boolean isFormulaLike(String text) {
        return text != null && !text.isEmpty() && FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text cut to what one cell holds, never splitting a surrogate pair. */
    static String fitCell(String text) {
        if (text.length() <= MAX_CELL_CHARS) {
            return text;
        }
        int end = MAX_CELL_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * The URL if it may become a clickable link: absolute, scheme {@code http} or {@code https}, a host, no
     * whitespace or control characters, and short enough for Excel. Empty otherwise.
     */
    static Optional<String> httpUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LINK_CHARS) {
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Display width in Excel character units: CJK and other full-width characters count double. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
