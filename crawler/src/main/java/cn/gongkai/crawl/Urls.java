package cn.gongkai.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL handling shared by the frontier: normalisation with crawler-commons {@link BasicURLNormalizer} (lower-case
 * scheme and host, default port dropped, dot segments resolved, percent-encoding made canonical, query
 * parameters sorted, fragment dropped) and recognition of attachments.
 */
final class Urls {

    /** File types fetched and kept but not parsed for links (公开 documents are often published as these). */
    static final Set<String> ATTACHMENT_EXTENSIONS =
            Set.of("pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ppt", "pptx", "ofd");

    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    private Urls() {
    }

    /** The canonical http(s) form of {@code url}, or empty when it is not a usable http(s) URL. */
    static Optional<URI> normalise(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        String normal = NORMALIZER.filter(stripSessionIds(u));
        if (normal == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(normal);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Query parameters and path parameters that carry a session, not content. A site that puts a fresh session id
     * in every link would otherwise be an infinite URL space (session-id trap); they are dropped before
     * normalisation, so every variant of a page is one URL.
     */
    static final Set<String> SESSION_PARAMS = Set.of("jsessionid", "phpsessid", "sid", "sessionid", "session_id",
            "sessid", "aspsessionid", "cfid", "cftoken", "zoneid");

    /** Whether a link carries a session id that {@link #stripSessionIds} removes. */
    static final Pattern SESSION_MARK = Pattern.compile(
            "(?i)[;?&](?:jsessionid|phpsessid|sid|sessionid|session_id|sessid|aspsessionid\\w*|cfid|cftoken|zoneid)=");

    private static final Pattern PATH_SESSION = Pattern.compile("(?i);(?:jsessionid|phpsessid|sid|sessionid)=[^/?#;]*");

    /** {@code url} without session-id path parameters ({@code ;jsessionid=…}) and query parameters ({@code sid=…}). */
    static String stripSessionIds(String url) {
        String u = PATH_SESSION.matcher(url).replaceAll("");
        int q = u.indexOf('?');
        if (q < 0) {
            return u;
        }
        StringBuilder kept = new StringBuilder();
        for (String param : u.substring(q + 1).split("&")) {
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (param.isEmpty() || SESSION_PARAMS.contains(name) || name.startsWith("aspsessionid")) {
                continue;
            }
            kept.append(kept.length() == 0 ? "" : "&").append(param);
        }
        return u.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }

    /** Whether the URL's path ends in an attachment extension. */
    static boolean isAttachment(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return false;
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return false;
        }
        return ATTACHMENT_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
