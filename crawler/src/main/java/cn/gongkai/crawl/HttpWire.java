package cn.gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 messages as bytes for the WARC. The JDK client gives us the status code, the header fields and the
 * body, but not the reason phrase or the chunked framing: the reason is the standard one for the code, and a
 * {@code Transfer-Encoding} header is renamed {@code X-Gongkai-Orig-Transfer-Encoding} because the body is
 * stored de-chunked (content encoding, e.g. gzip, is kept as received).
 */
final class HttpWire {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"),
            Map.entry(206, "Partial Content"), Map.entry(300, "Multiple Choices"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(412, "Precondition Failed"), Map.entry(414, "URI Too Long"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private HttpWire() {
    }

    static byte[] request(Exchange ex) {
        URI uri = ex.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        for (Map.Entry<String, String> h : ex.requestHeaders()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] response(Exchange ex) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(ex.status()).append(' ')
                .append(REASONS.getOrDefault(ex.status(), "")).append("\r\n");
        for (Map.Entry<String, List<String>> h : ex.headers().map().entrySet()) {
            String name = h.getKey();
            if (name.startsWith(":")) {
                continue;
            }
            if (name.equalsIgnoreCase("Transfer-Encoding")) {
                name = "X-Gongkai-Orig-Transfer-Encoding";
            }
            for (String v : h.getValue()) {
                head.append(name).append(": ").append(v).append("\r\n");
            }
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + ex.rawBody().length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ex.rawBody());
        return out.toByteArray();
    }
}
