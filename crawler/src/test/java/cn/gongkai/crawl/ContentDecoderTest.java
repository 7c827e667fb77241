package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final byte[] HTML = "<html>政务公开</html>".getBytes(StandardCharsets.UTF_8);

    private static byte[] deflate(byte[] plain, boolean zlibWrapper) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapper))) {
            d.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void deflateIsDecodedWithOrWithoutTheZlibWrapper() throws Exception {
        assertThat(ContentDecoder.decode(deflate(HTML, true), "deflate", 1 << 20, false).body()).isEqualTo(HTML);
        assertThat(ContentDecoder.decode(deflate(HTML, false), "deflate", 1 << 20, false).body()).isEqualTo(HTML);
    }

    @Test
    void bodyFalselyDeclaredGzipIsKeptAsReceived() {
        ContentDecoder.Decoded d = ContentDecoder.decode(HTML, "gzip", 1 << 20, false);
        assertThat(d.body()).isEqualTo(HTML);
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void gzipCutByTheRawCapDecodesWhatArrivedAndIsMarkedTruncated() {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + (i * 7919 % 26));
        }
        byte[] gz = TestBodies.gzip(big);
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        ContentDecoder.Decoded d = ContentDecoder.decode(cut, "gzip", 1 << 20, true);
        assertThat(d.truncated()).isTrue();
        assertThat(d.body().length).isPositive().isLessThan(big.length);
    }
}
