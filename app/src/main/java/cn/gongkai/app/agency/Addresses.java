package cn.gongkai.app.agency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Web addresses as assessors write them in agency lists: often without a scheme ({@code www.hunan.gov.cn}), and in
 * the 信息公开地址 column several in one cell, separated by 、 or a line break.
 */
public final class Addresses {

    /** A host name (ASCII labels with at least one dot), optional port, optional path/query: {@code www.x.gov.cn/xxgk/}. */
    private static final Pattern SCHEMELESS = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\\d{1,5})?(?:[/?#]\\S*)?");

    /** What separates several addresses in one cell: 、 (the list separator assessors use), ；, ; and any whitespace. */
    private static final Pattern SEPARATORS = Pattern.compile("[、；;\\s]+");

    private Addresses() {
    }

    /**
     * {@code text} with {@code http://} in front when it is a host name (and path) written without a scheme, as the
     * web form already does (issue 17 point 14); anything else unchanged, so that it can be refused as it was written.
     */
    public static String withScheme(String text) {
        String t = text == null ? "" : text.strip();
        if (t.contains("://") || !SCHEMELESS.matcher(t).matches()) {
            return t;
        }
        return "http://" + t;
    }

    /** The addresses of one cell, each given its scheme; empty for a blank cell. */
    public static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String part : SEPARATORS.split(cell.strip())) {
            if (!part.isEmpty()) {
                out.add(withScheme(part));
            }
        }
        return out;
    }

    /** Whether {@code text} is an absolute http(s) URL with a host. */
    public static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
