package cn.gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;

import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The crawl archive: one gzipped WARC 1.1 file (ISO 28500) holding, for every HTTP exchange that got a response,
 * a {@code request} record and a {@code response} record with the status line, headers and body as received.
 * It is the evidence behind every finding: a {@link FetchedPage#warcRecordId()} names its response record.
 *
 * <p>Thread-safe: many sites may be crawled into one archive at once; a request and its response are written
 * next to each other.
 */
public final class WarcArchive implements Closeable {

    /** Software named in the warcinfo record. */
    public static final String SOFTWARE = "Gongkai Audit crawler 0.1 (jwarc)";

    /** Field of the metadata record left by a request that got no response at all. */
    public static final String FETCH_ERROR_FIELD = "fetch-error";

    /** Extension field on a response record whose exchange ended in an error (timeout, reset). */
    public static final String FETCH_ERROR = "WARC-Gongkai-Fetch-Error";

    private final Path file;
    private final WarcWriter writer;
    private final Object lock = new Object();

    private WarcArchive(Path file, WarcWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Creates (or replaces) a gzipped WARC at {@code file}, conventionally {@code crawl.warc.gz}, and writes its
     * warcinfo record.
     */
    public static WarcArchive create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP);
        Warcinfo info = new Warcinfo.Builder()
                .version(MessageVersion.WARC_1_1)
                .filename(String.valueOf(file.getFileName()))
                .fields(Map.of(
                        "software", List.of(SOFTWARE),
                        "format", List.of("WARC File Format 1.1"),
                        "conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
                        "robots", List.of("obey")))
                .build();
        writer.write(info);
        return new WarcArchive(file, writer);
    }

    /** Where the archive is written. */
    public Path file() {
        return file;
    }

    /**
     * Writes the request and response records of one exchange.
     *
     * @return the response record id ({@code <urn:uuid:…>}), or empty when no response arrived (nothing written)
     */
    Optional<String> record(Exchange ex) throws IOException {
        if (!ex.hasResponse()) {
            recordNoResponse(ex);
            return Optional.empty();
        }
        WarcTruncationReason truncation = ex.timedOut() ? WarcTruncationReason.TIME
                : ex.capped() ? WarcTruncationReason.LENGTH
                : ex.error() != null ? WarcTruncationReason.DISCONNECT
                : WarcTruncationReason.NOT_TRUNCATED;
        byte[] responseBlock = HttpWire.response(ex);
        WarcResponse.Builder rb = new WarcResponse.Builder(ex.uri())
                .version(MessageVersion.WARC_1_1)
                .date(ex.receivedAt())
                .blockDigest(sha1(responseBlock))
                .payloadDigest(sha1(ex.rawBody()))
                .body(MediaType.HTTP_RESPONSE, responseBlock);
        if (truncation != WarcTruncationReason.NOT_TRUNCATED) {
            rb.truncated(truncation);
        }
        if (ex.error() != null) {
            // An extension field (WARC 1.1 §5 allows them): the crawler's words for what went wrong, so that a
            // resumed crawl replaying this record reaches the same verdict as the crawl that made it.
            rb.addHeader(FETCH_ERROR, ex.error().replaceAll("[\\r\\n]+", " "));
        }
        WarcResponse response = rb.build();
        byte[] requestBlock = HttpWire.request(ex);
        WarcRequest request = new WarcRequest.Builder(ex.uri())
                .version(MessageVersion.WARC_1_1)
                .date(ex.sentAt())
                .blockDigest(sha1(requestBlock))
                .body(MediaType.HTTP_REQUEST, requestBlock)
                .concurrentTo(response.id())
                .build();
        synchronized (lock) {
            writer.write(request);
            writer.write(response);
        }
        return Optional.of(format(response.id()));
    }

    /**
     * A request that got no response (refused, DNS, TLS, timeout before the head) leaves a {@code metadata} record
     * (application/warc-fields) naming the target, the time and what went wrong: the archive then also proves
     * that a site did not answer, and a resumed crawl replays the same failure instead of trying again.
     */
    private void recordNoResponse(Exchange ex) throws IOException {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        fields.put(FETCH_ERROR_FIELD, List.of(String.valueOf(ex.error()).replaceAll("[\\r\\n]+", " ")));
        fields.put("timed-out", List.of(String.valueOf(ex.timedOut())));
        fields.put("sent-at", List.of(ex.sentAt().toString()));
        org.netpreserve.jwarc.WarcMetadata md = new org.netpreserve.jwarc.WarcMetadata.Builder()
                .version(MessageVersion.WARC_1_1)
                .targetURI(ex.uri())
                .date(ex.receivedAt())
                .fields(fields)
                .build();
        synchronized (lock) {
            writer.write(md);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            writer.close();
        }
    }

    /**
     * One record read back from an archive.
     *
     * @param type          WARC-Type ({@code warcinfo}, {@code request}, {@code response}, …)
     * @param id            WARC-Record-ID, {@code <urn:uuid:…>}
     * @param targetUri     WARC-Target-URI, or {@code null} for warcinfo
     * @param date          WARC-Date
     * @param concurrentTo  WARC-Concurrent-To ids
     * @param truncated     WARC-Truncated reason ({@code length}, {@code time}, …) or {@code null}
     * @param status        HTTP status of a response record, else 0
     * @param headers       HTTP headers of a request or response record; the fields of a metadata record
     * @param payload       HTTP body as stored (still content-encoded, as received)
     */
    public record Entry(String type, String id, String targetUri, Instant date, List<String> concurrentTo,
                        String truncated, int status, Map<String, List<String>> headers, byte[] payload) {
    }

    /** Every record of the archive at {@code file}, in file order. */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                out.add(entry(r));
            }
        }
        return out;
    }

    /** The response record with WARC-Record-ID {@code recordId} ({@code <urn:uuid:…>}), if present. */
    public static Optional<Entry> findResponse(Path file, String recordId) throws IOException {
        try (WarcReader reader = new WarcReader(file)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse && format(r.id()).equals(recordId)) {
                    return Optional.of(entry(r));
                }
            }
        }
        return Optional.empty();
    }

    private static Entry entry(WarcRecord r) throws IOException {
        String target = r instanceof WarcTargetRecord t ? t.target() : null;
        List<String> concurrent = r instanceof WarcCaptureRecord c
                ? c.concurrentTo().stream().map(WarcArchive::format).toList() : List.of();
        String truncated = r.truncated() == WarcTruncationReason.NOT_TRUNCATED ? null
                : r.truncated().name().toLowerCase(Locale.ROOT);
        int status = 0;
        Map<String, List<String>> headers = Map.of();
        byte[] payload = new byte[0];
        if (r instanceof WarcResponse resp) {
            var http = resp.http();
            status = http.status();
            headers = http.headers().map();
            payload = readLeniently(http.body().stream());
        } else if (r instanceof WarcRequest req) {
            headers = req.http().headers().map();
        } else if (r instanceof org.netpreserve.jwarc.WarcMetadata md) {
            headers = md.fields().map();
        }
        return new Entry(r.type(), format(r.id()), target, r.date(), concurrent, truncated, status, headers, payload);
    }

    /** Reads what is there: a truncated record may hold fewer bytes than its Content-Length says. */
    private static byte[] readLeniently(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.io.EOFException e) {
            // keep what was read
        }
        return out.toByteArray();
    }

    private static WarcDigest sha1(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(bytes);
            return new WarcDigest(md);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    private static String format(URI id) {
        return "<" + id + ">";
    }

}
