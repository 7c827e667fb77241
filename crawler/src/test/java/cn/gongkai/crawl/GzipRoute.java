package cn.gongkai.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Serves a body with {@code Content-Encoding: gzip}, as most agency sites behind nginx do. */
final class GzipRoute implements HttpHandler {
    private final String contentType;
    private final byte[] gzipped;

    GzipRoute(String contentType, byte[] plain) {
        this.contentType = contentType;
        this.gzipped = gzip(plain);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        ex.sendResponseHeaders(200, gzipped.length);
        ex.getResponseBody().write(gzipped);
    }
}
