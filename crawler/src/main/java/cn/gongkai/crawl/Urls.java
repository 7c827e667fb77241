package cn.gongkai.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
        String normal = NORMALIZER.filter(u);
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
