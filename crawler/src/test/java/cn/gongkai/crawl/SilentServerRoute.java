package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Accepts the request and says nothing for 5 s: an overloaded server that never sends a status line. */
final class SilentServerRoute implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
