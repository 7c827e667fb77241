package cn.gongkai.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out worksheet names Excel accepts: at most 31 characters, none of {@code [ ] : * ? / \}, not starting or
 * ending with an apostrophe, not blank, and unique ignoring case (as Excel compares them). A name that is taken
 * gets {@code (2)}, {@code (3)}… appended, cutting the base further to stay within 31 characters.
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;
    private static final String FORBIDDEN = "[]:*?/\\";

    private final Set<String> taken = new HashSet<>();

    /** A safe, not yet used name derived from {@code wanted}; the name is reserved. */
    String claim(String wanted) {
        String base = clean(wanted);
        String name = truncate(base, MAX_LENGTH);
        for (int n = 2; !taken.add(key(name)); n++) {
            String suffix = "(" + n + ")";
            name = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return name;
    }

    private static String clean(String wanted) {
        StringBuilder sb = new StringBuilder();
        String s = wanted == null ? "" : wanted;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                sb.append('_');
            } else if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        String cleaned = sb.toString().strip();
        while (cleaned.startsWith("'")) {
            cleaned = cleaned.substring(1);
        }
        while (cleaned.endsWith("'")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        cleaned = cleaned.strip();
        if (cleaned.isEmpty() || cleaned.equalsIgnoreCase("History")) {
            cleaned = "工作表" + cleaned;
        }
        return cleaned;
    }

    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        String cut = s.substring(0, end).strip();
        while (cut.endsWith("'")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
