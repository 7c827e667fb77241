package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends its headers at once, then one byte every 100 ms: a server that never finishes. Gives up by itself after
 * 10 s, or as soon as the client hangs up.
 */
final class SlowTrickleRoute implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            out.write('<');
            out.flush();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
