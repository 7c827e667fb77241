package cn.gongkai.crawl;

import java.net.URI;
import java.util.Locale;

/**
 * Which URLs belong to the site of a seed. A site is a host: the seed's host and port, with a leading
 * {@code www.} ignored on both sides, whatever the seed's path. The default ports 80 and 443 count as one, so an
 * {@code http → https} upgrade on the same host stays in scope; an explicit other port must match exactly.
 */
final class SiteScope {

    private final String host;
    private final int port;

    private SiteScope(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static SiteScope of(URI seed) {
        return new SiteScope(siteHost(seed.getHost()), effectivePort(seed));
    }

    /** Whether {@code uri} is an http(s) URL on this site. */
    boolean contains(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return false;
        }
        if (uri.getHost() == null || !siteHost(uri.getHost()).equals(host)) {
            return false;
        }
        int p = effectivePort(uri);
        return p == port || (isDefault(p) && isDefault(port));
    }

    private static boolean isDefault(int port) {
        return port == 80 || port == 443;
    }

    private static String siteHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Key for per-host politeness: lower-case host and effective port. */
    static String hostKey(URI uri) {
        return String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + effectivePort(uri);
    }
}
