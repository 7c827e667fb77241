package cn.gongkai.crawl;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request and what came back: the response head and raw body (as received, still content-encoded,
 * at most the byte cap), or why nothing usable came back.
 *
 * @param uri             URL requested
 * @param sentAt          when the request was sent
 * @param requestHeaders  headers we sent, in order
 * @param status          response status, or 0 when no response head arrived
 * @param headers         response headers; empty when no response head arrived
 * @param rawBody         body bytes as received (after transfer decoding, before content decoding)
 * @param capped          whether the body was cut at the byte cap
 * @param timedOut        whether the request deadline passed (before or during the body)
 * @param error           what went wrong, or {@code null}
 * @param receivedAt      when the exchange ended
 */
record Exchange(
        URI uri,
        Instant sentAt,
        List<Map.Entry<String, String>> requestHeaders,
        int status,
        HttpHeaders headers,
        byte[] rawBody,
        boolean capped,
        boolean timedOut,
        String error,
        Instant receivedAt) {

    boolean hasResponse() {
        return status > 0;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** A request the target policy did not let us send: no connection was made. */
    static Exchange refused(URI uri, String reason) {
        return new Exchange(uri, Instant.now(), List.of(), 0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                new byte[0], false, false, "refused: " + reason, Instant.now());
    }
}
