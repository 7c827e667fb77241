package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** An HTML page of the given size, streamed chunked: a scanned-gazette page that never ends. */
final class HugeBodyRoute implements HttpHandler {
    private final long size;

    HugeBodyRoute(long size) {
        this.size = size;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        OutputStream out = ex.getResponseBody();
        for (long sent = 0; sent < size; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
        }
    }
}
