package cn.gongkai.crawl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * One GET over the JDK HTTP client (HTTP/1.1, redirects not followed) under a single deadline for connect,
 * head and body, with the body read up to a byte cap. Never throws for network trouble: the {@link Exchange}
 * says what happened.
 */
final class HttpFetcher {

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String ACCEPT_ENCODING = "gzip, deflate";
    static final String ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.5";

    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private final HttpClient client;
    private final CrawlSettings settings;

    HttpFetcher(CrawlSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.requestTimeout())
                .build();
    }

    Exchange get(URI uri) throws InterruptedException {
        List<Map.Entry<String, String>> sent = List.of(
                Map.entry("User-Agent", settings.userAgent()),
                Map.entry("Accept", ACCEPT),
                Map.entry("Accept-Encoding", ACCEPT_ENCODING),
                Map.entry("Accept-Language", ACCEPT_LANGUAGE));
        Instant sentAt = Instant.now();
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout());
            sent.forEach(h -> b.header(h.getKey(), h.getValue()));
            request = b.build();
        } catch (IllegalArgumentException e) {
            return failed(uri, sentAt, sent, "invalid request: " + e.getMessage());
        }

        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        AtomicReference<CappedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<CappedBody> handler = info -> {
            head.set(info);
            CappedBody b = new CappedBody(settings.maxBodyBytes());
            body.set(b);
            return b;
        };
        CompletableFuture<HttpResponse<CappedBody>> future = client.sendAsync(request, handler);
        Duration timeout = settings.requestTimeout();
        try {
            HttpResponse<CappedBody> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            CappedBody b = response.body();
            return new Exchange(uri, sentAt, sent, response.statusCode(), response.headers(), b.bytes(),
                    b.capped(), false, null, Instant.now());
        } catch (TimeoutException e) {
            future.cancel(true);
            return partial(uri, sentAt, sent, head.get(), body.get(), true, "timeout after " + format(timeout));
        } catch (ExecutionException e) {
            return partial(uri, sentAt, sent, head.get(), body.get(), false, describe(e.getCause(), timeout));
        } catch (InterruptedException e) {
            future.cancel(true);
            CappedBody b = body.get();
            if (b != null) {
                b.abandon();
            }
            throw e;
        }
    }

    private static Exchange partial(URI uri, Instant sentAt, List<Map.Entry<String, String>> sent,
                                    HttpResponse.ResponseInfo info, CappedBody body, boolean timedOut, String error) {
        if (body != null) {
            body.abandon();
        }
        if (info == null) {
            return new Exchange(uri, sentAt, sent, 0, NO_HEADERS, new byte[0], false, timedOut, error, Instant.now());
        }
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        boolean capped = body != null && body.capped();
        return new Exchange(uri, sentAt, sent, info.statusCode(), info.headers(), bytes, capped, timedOut, error,
                Instant.now());
    }

    private static Exchange failed(URI uri, Instant sentAt, List<Map.Entry<String, String>> sent, String error) {
        return new Exchange(uri, sentAt, sent, 0, NO_HEADERS, new byte[0], false, false, error, Instant.now());
    }

    /** Turns a transport failure into the words a {@link FetchFailure} carries. */
    static String describe(Throwable t, Duration timeout) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return "connect timeout after " + format(timeout);
            }
            if (c instanceof HttpTimeoutException) {
                return "timeout after " + format(timeout);
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "unknown host";
            }
            if (c instanceof SSLException) {
                return "TLS error: " + c.getMessage();
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return "connection refused";
            }
        }
        if (t instanceof IOException) {
            return "I/O error: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return "error: " + t;
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
