package cn.gongkai.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses already in the WARC files of an interrupted crawl, served back instead of fetching again when the
 * crawl is resumed. Each URL's responses are replayed in the order they were archived (a 503 then its retry),
 * each once, so a resumed crawl takes the same path as the one that was killed and refers to the same WARC
 * records.
 *
 * <p>A process killed with {@code kill -9} leaves the last gzip member of its WARC truncated, and may have
 * written a request without its response: reading stops quietly at the first damaged record, and only complete
 * response records count. Thread-safe.
 */
public final class WarcReplay {

    private static final Logger log = LoggerFactory.getLogger(WarcReplay.class);

    /** A response ready to be replayed, with its record id. */
    record Stored(Exchange exchange, String recordId) {
    }

    /** The error of a URL the archive does not hold, when the replay may not fetch ({@link #archiveOnly}). */
    public static final String NOT_ARCHIVED = "not in the archive (reassessment does not fetch)";

    private final Map<String, Deque<Stored>> byUrl = new ConcurrentHashMap<>();
    private final AtomicInteger replayed = new AtomicInteger();
    private final int loaded;
    private final boolean archiveOnly;

    private WarcReplay(Map<String, Deque<Stored>> byUrl, int loaded, boolean archiveOnly) {
        this.byUrl.putAll(byUrl);
        this.loaded = loaded;
        this.archiveOnly = archiveOnly;
    }

    /** Nothing to replay: every URL is fetched. */
    public static WarcReplay none() {
        return new WarcReplay(Map.of(), 0, false);
    }

    /** Reads the response records of {@code files}, in order, each as far as it is intact. */
    public static WarcReplay load(List<Path> files) {
        return read(files, false);
    }

    /**
     * The archive as the only source (gongkai reassess): a URL it holds is answered from it, any other is not fetched
     * but skipped ({@link #NOT_ARCHIVED}), so a stored crawl is assessed again without contacting a site.
     */
    public static WarcReplay archiveOnly(List<Path> files) {
        return read(files, true);
    }

    private static WarcReplay read(List<Path> files, boolean archiveOnly) {
        Map<String, Deque<Stored>> map = new HashMap<>();
        int n = 0;
        for (Path file : files) {
            n += readTolerantly(file, map);
        }
        log.info("WARC replay: {} responses from {} files", n, files.size());
        return new WarcReplay(map, n, archiveOnly);
    }

    /** Whether a URL the archive does not hold must not be fetched. */
    public boolean isArchiveOnly() {
        return archiveOnly;
    }

    private static int readTolerantly(Path file, Map<String, Deque<Stored>> map) {
        int n = 0;
        Map<URI, SentRequest> requests = new HashMap<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true);
            while (true) {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    break;
                }
                WarcRecord r = next.get();
                if (r instanceof WarcRequest req) {
                    // read now: a record's body is gone once the reader moves on
                    List<Map.Entry<String, String>> sent = new ArrayList<>();
                    req.http().headers().map().forEach((k, vs) -> vs.forEach(v -> sent.add(Map.entry(k, v))));
                    SentRequest sr = new SentRequest(req.date(), sent);
                    req.concurrentTo().forEach(id -> requests.put(id, sr));
                } else if (r instanceof org.netpreserve.jwarc.WarcMetadata md
                        && md.fields().first(WarcArchive.FETCH_ERROR_FIELD).isPresent()) {
                    var f = md.fields();
                    Exchange ex = new Exchange(URI.create(md.target()),
                            f.first("sent-at").map(java.time.Instant::parse).orElse(md.date()), List.of(), 0,
                            HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0], false,
                            f.first("timed-out").map(Boolean::parseBoolean).orElse(false),
                            f.first(WarcArchive.FETCH_ERROR_FIELD).get(), md.date());
                    map.computeIfAbsent(md.target(), k -> new ConcurrentLinkedDeque<>()).add(new Stored(ex, null));
                    n++;
                } else if (r instanceof WarcResponse resp) {
                    Stored s = stored(resp, requests.remove(resp.id()));
                    map.computeIfAbsent(resp.target(), k -> new ConcurrentLinkedDeque<>()).add(s);
                    n++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("WARC {} ends in a damaged record after {} responses (interrupted crawl): {}", file, n,
                    e.toString());
        }
        return n;
    }

    private record SentRequest(java.time.Instant date, List<Map.Entry<String, String>> headers) {
    }

    private static Stored stored(WarcResponse resp, SentRequest req) throws IOException {
        var http = resp.http();
        byte[] body;
        try (InputStream in = http.body().stream()) {
            body = in.readAllBytes();
        }
        // Exchange headers are what the client gave us; the archived Transfer-Encoding was renamed (HttpWire).
        Map<String, List<String>> headers = new HashMap<>(http.headers().map());
        HttpHeaders hh = HttpHeaders.of(headers, (a, b) -> true);
        WarcTruncationReason t = resp.truncated();
        String error = resp.headers().first(WarcArchive.FETCH_ERROR).orElse(null);
        List<Map.Entry<String, String>> sent = req == null ? List.of() : req.headers();
        Exchange ex = new Exchange(URI.create(resp.target()), req == null ? resp.date() : req.date(), sent,
                http.status(), hh, body, t == WarcTruncationReason.LENGTH, t == WarcTruncationReason.TIME, error,
                resp.date());
        return new Stored(ex, "<" + resp.id() + ">");
    }

    /** The next archived response for {@code uri} not yet replayed, if any. */
    Optional<Stored> take(URI uri) {
        Deque<Stored> q = byUrl.get(uri.toString());
        Stored s = q == null ? null : q.pollFirst();
        if (s != null) {
            replayed.incrementAndGet();
        }
        return Optional.ofNullable(s);
    }

    /** Responses read from the archive. */
    public int loaded() {
        return loaded;
    }

    /** Responses served back so far instead of being fetched. */
    public int replayed() {
        return replayed.get();
    }
}
