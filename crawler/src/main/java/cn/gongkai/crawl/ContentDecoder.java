package cn.gongkai.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes a gzip or deflate Content-Encoding (RFC 9110 §8.4) without ever producing more than the byte cap,
 * so a small compressed bomb cannot blow up memory. Unknown encodings and bodies that fail to decode are kept
 * as received.
 */
final class ContentDecoder {

    private static final Logger log = LoggerFactory.getLogger(ContentDecoder.class);

    /** A decoded body and whether it is incomplete. */
    record Decoded(byte[] body, boolean truncated) {
    }

    private ContentDecoder() {
    }

    static Decoded decode(byte[] raw, String contentEncoding, long cap, boolean rawTruncated) {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (raw.length == 0 || enc.isEmpty() || enc.equals("identity")) {
            return new Decoded(raw, rawTruncated);
        }
        try {
            switch (enc) {
                case "gzip", "x-gzip":
                    return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), cap, rawTruncated);
                case "deflate":
                    try {
                        return inflate(new InflaterInputStream(new ByteArrayInputStream(raw)), cap, rawTruncated);
                    } catch (IOException zlibFailed) {
                        // Some servers send raw deflate without the zlib wrapper.
                        return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)),
                                cap, rawTruncated);
                    }
                default:
                    log.debug("Unsupported Content-Encoding {}, body kept as received", enc);
                    return new Decoded(raw, rawTruncated);
            }
        } catch (IOException e) {
            log.debug("Body declared {} does not decode ({}), kept as received", enc, e.toString());
            return new Decoded(raw, rawTruncated);
        }
    }

    private static Decoded inflate(InputStream in, long cap, boolean rawTruncated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        boolean truncated = false;
        try (in) {
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                long room = cap - out.size();
                if (n > room) {
                    out.write(buf, 0, (int) room);
                    truncated = true;
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (EOFException e) {
            if (!rawTruncated && out.size() == 0) {
                throw e;
            }
            truncated = true; // compressed stream was cut: keep what decoded
        }
        return new Decoded(out.toByteArray(), truncated || rawTruncated);
    }
}
