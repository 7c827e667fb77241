package cn.gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Response bodies for tests. */
final class TestBodies {
    private TestBodies() {
    }

    /** {@code plain} gzip-compressed, as nginx sends a page with {@code Content-Encoding: gzip}. */
    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
