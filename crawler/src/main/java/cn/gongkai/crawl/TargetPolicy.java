package cn.gongkai.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses the crawler may connect to. A server that fetches URLs its users type must not become a way
 * into the network behind it (SSRF): the web app refuses loopback, private, link-local, multicast, unspecified
 * and cloud metadata addresses. The policy is consulted on the resolved addresses before every request —
 * the seed, every redirect hop, robots.txt, every link — so a public name that resolves to, or redirects to, a
 * private address is refused too. The command line allows everything ({@link #ALLOW_ALL}): an assessor auditing
 * an intranet site from their own machine is not an attack.
 */
public interface TargetPolicy {

    /** Allows every address (the default: command line, tests). */
    TargetPolicy ALLOW_ALL = uri -> Optional.empty();

    /**
     * Why a request to {@code uri} must not be sent, or empty if it may be. A host that does not resolve is
     * allowed here: the fetch then fails as {@code unknown host} in the usual way.
     */
    Optional<String> refusal(URI uri);

    /** Resolves a host name to all of its addresses; replaceable so that tests can map names to addresses. */
    @FunctionalInterface
    interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Refuses non-public addresses. Every address a name resolves to is checked (a name with one public and one
     * private address is refused: the client may pick either).
     *
     * @param resolver      how names are resolved (the system resolver in production)
     * @param allowLoopback whether 127.0.0.0/8 and ::1 are allowed (demo, tests)
     * @param allowPrivate  whether every address is allowed (an operator's explicit choice)
     */
    static TargetPolicy publicOnly(Resolver resolver, boolean allowLoopback, boolean allowPrivate) {
        if (allowPrivate) {
            return ALLOW_ALL;
        }
        return uri -> {
            String host = uri.getHost();
            if (host == null) {
                return Optional.of("no host in " + uri);
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
            for (InetAddress a : addresses) {
                String kind = forbiddenKind(a, allowLoopback);
                if (kind != null) {
                    return Optional.of("address not allowed: " + host + " → " + a.getHostAddress() + " (" + kind + ")");
                }
            }
            return Optional.empty();
        };
    }

    /** What kind of non-public address {@code a} is, or {@code null} for a public one. */
    static String forbiddenKind(InetAddress a, boolean allowLoopback) {
        if (a instanceof Inet6Address v6 && v6.getAddress().length == 16) {
            byte[] b = v6.getAddress();
            // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address it carries.
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return forbiddenKind(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}), allowLoopback);
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
            // AWS IMDS over IPv6: fd00:ec2::254 (inside fc00::/7 anyway, named for the message).
            if ((b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                    && (b[15] & 0xff) == 0x54 && (b[14] & 0xff) == 0x02) {
                return "metadata";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
        }
        if (a instanceof Inet4Address) {
            byte[] b = a.getAddress();
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            if (o0 == 169 && o1 == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
                return "metadata";
            }
            if (o0 == 100 && o1 >= 64 && o1 <= 127) {
                return "private (carrier-grade NAT)";
            }
            if (o0 == 0) {
                return "unspecified";
            }
            if (o0 >= 240) {
                return "reserved";
            }
        }
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        return null;
    }
}
