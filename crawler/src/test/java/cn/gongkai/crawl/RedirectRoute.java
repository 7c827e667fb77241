package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Answers 301 with a Location (relative or absolute). */
final class RedirectRoute implements HttpHandler {
    private final String location;

    RedirectRoute(String location) {
        this.location = location;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(301, -1);
    }
}
