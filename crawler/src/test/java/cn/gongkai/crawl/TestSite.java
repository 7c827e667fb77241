package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A website on loopback for crawler tests: exact-path routes, 404 for anything else, and a log of every request
 * with its arrival time, so tests assert politeness from what the server saw. Kept beside WireMock (which the fault
 * tests use) because WireMock's request journal stamps arrivals in milliseconds ({@code LoggedRequest.getLoggedDate})
 * and politeness tests compare gaps between requests against delays of a few milliseconds.
 */
final class TestSite implements AutoCloseable {

    /** One request as the server saw it. */
    record Hit(String path, long nanoTime, String userAgent) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(pool);
        server.start();
    }

    TestSite route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code html} as {@code text/html; charset=utf-8} at {@code path}. */
    TestSite page(String path, String html) {
        return route(path, new PageRoute(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers {@code 301} with {@code location} (relative or absolute) at {@code path}. */
    TestSite redirect(String path, String location) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(301, -1);
        });
    }

    TestSite robots(String text) {
        return route("/robots.txt", new PageRoute(200, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    URI uri(String path) {
        return URI.create(url(path));
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Requests for pages, robots.txt left out. */
    List<String> pagePaths() {
        return hits.stream().map(Hit::path).filter(p -> !p.equals("/robots.txt")).toList();
    }

    long count(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (ex.getRequestURI().getRawQuery() != null) {
            path += "?" + ex.getRequestURI().getRawQuery();
        }
        hits.add(new Hit(path, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent")));
        HttpHandler handler = routes.get(path);
        try (ex) {
            if (handler == null) {
                byte[] body = "<html><body>404 页面不存在</body></html>".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
            } else {
                handler.handle(ex);
            }
        } catch (IOException e) {
            // the crawler hung up (capped or abandoned body): expected in hostile routes
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
