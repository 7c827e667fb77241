package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code /loop/a} redirects to {@code /loop/b} and back, forever: a misconfigured CMS. Mount on both paths. */
final class RedirectLoopRoute implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
        String other = ex.getRequestURI().getPath().endsWith("/a") ? "/loop/b" : "/loop/a";
        ex.getResponseHeaders().set("Location", other);
        ex.sendResponseHeaders(302, -1);
    }
}
