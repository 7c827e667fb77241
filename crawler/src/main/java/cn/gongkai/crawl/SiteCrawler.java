package cn.gongkai.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polite sampling of one agency website, the crawler module's entry point.
 *
 * <p>Starting from a seed, pages are fetched breadth-first (so a small budget samples the top of the site) within
 * the seed's site: its host and port, a leading {@code www.} ignored, any path. Before the first page the site's
 * robots.txt is read (RFC 9309, via crawler-commons): disallowed URLs are skipped and a Crawl-delay raises the
 * per-host delay up to {@link CrawlSettings#maxCrawlDelay()}. Every limit of {@link CrawlSettings} holds: page
 * budget, depth, bytes per body, one deadline per request, redirects per URL. Redirects are followed by hand, each
 * hop checked for scope, robots.txt and loops. Every response is written to the {@link WarcArchive}.
 *
 * <p>Network trouble never escapes as an exception: it becomes a {@link FetchFailure}. A failure to write the
 * archive does ({@link UncheckedIOException}), since a crawl without its evidence is worthless.
 *
 * <p>Thread-safe: one instance may crawl many sites at once; requests to one host are serialised and spaced
 * across all of them.
 */
public final class SiteCrawler {

    private static final Logger log = LoggerFactory.getLogger(SiteCrawler.class);

    private final CrawlSettings settings;
    private final WarcArchive archive;
    private final HttpFetcher fetcher;
    private final HostPacer pacer = new HostPacer();
    private final WarcReplay replay;
    private final CrawlCounters counters = new CrawlCounters();
    /** Host name → address, resolved once per SiteCrawler for per-IP pacing; "" when it does not resolve. */
    private final Map<String, String> addresses = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if the User-Agent is not printable ASCII (HTTP allows nothing else) */
    public SiteCrawler(CrawlSettings settings, WarcArchive archive) {
        this(settings, archive, WarcReplay.none());
    }

    /**
     * A crawler resuming an interrupted crawl: a URL whose response is in {@code replay} is answered from it
     * (not fetched, not archived again, not paced); everything else is fetched and written to {@code archive}.
     *
     * @throws IllegalArgumentException if the User-Agent is not printable ASCII (HTTP allows nothing else)
     */
    public SiteCrawler(CrawlSettings settings, WarcArchive archive, WarcReplay replay) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.replay = Objects.requireNonNull(replay, "replay");
        if (settings.userAgent() == null || !settings.userAgent().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("User-Agent 只能包含可见 ASCII 字符（HTTP 头部限制）：" + settings.userAgent());
        }
        this.fetcher = new HttpFetcher(settings);
    }

    /**
     * Crawls the site of {@code seed} within the settings' limits.
     *
     * @return the pages read, the failed fetches and the URLs left out, with reasons; if the seed cannot be read,
     *         {@link SiteCrawl#seedReached()} is false and the failure (or skip) says why
     */
    public SiteCrawl crawl(URI seed) {
        return new Run(seed).crawl();
    }

    /** Live totals over every crawl of this crawler, for progress reports. */
    public CrawlCounters counters() {
        return counters;
    }

    private record Target(URI uri, String referrer, int depth) {
    }

    private record Recorded(Exchange exchange, String warcRecordId, boolean replayed) {
    }

    /** The state of one site crawl. */
    private final class Run {
        private final String seedText;
        private final Deque<Target> frontier = new ArrayDeque<>();
        private final Set<String> seen = new HashSet<>();
        private final List<FetchedPage> pages = new ArrayList<>();
        private final List<FetchFailure> failures = new ArrayList<>();
        private final Set<String> skipped = new LinkedHashSet<>();
        private final Set<String> notes = new LinkedHashSet<>();
        private final UrlTraps traps = new UrlTraps(settings.maxUrlsPerPattern());
        private SiteScope scope;
        private RobotsPolicy robots;
        private int fetches;
        private long bytes;
        private int serverErrorsInARow;
        /** The error of the last failure counted towards the storm: says whether the server or its name died. */
        private String lastStormError;

        Run(URI seed) {
            this.seedText = String.valueOf(seed);
        }

        SiteCrawl crawl() {
            Optional<URI> seed = Urls.normalise(seedText);
            if (seed.isEmpty()) {
                failures.add(new FetchFailure(seedText, null, 0, "invalid URL", Instant.now()));
                return result(seedText);
            }
            URI seedUri = seed.get();
            scope = SiteScope.of(seedUri);
            long started = System.nanoTime();
            try {
                robots = loadRobots(seedUri);
                seen.add(seedUri.toString());
                frontier.add(new Target(seedUri, null, 0));
                while (!frontier.isEmpty()) {
                    Target t = frontier.poll();
                    String stop = fetches >= settings.maxPages() ? "budget"
                            : bytes >= settings.maxSiteBytes() ? "byte budget (" + settings.maxSiteBytes() + " bytes)"
                            : serverErrorsInARow >= settings.maxConsecutiveErrors()
                            ? "server error storm (" + serverErrorsInARow + " failures in a row; last: " + lastStormError + ")"
                            : null;
                    if (stop != null) {
                        if (!stop.equals("budget")) {
                            notes.add("crawl stopped early: " + stop);
                            log.warn("Crawl of {} stopped early: {}", seedUri, stop);
                        }
                        skip(t.uri().toString(), stop);
                        frontier.forEach(rest -> skip(rest.uri().toString(), stop));
                        frontier.clear();
                        break;
                    }
                    if (!robots.allows(t.uri())) {
                        skip(t.uri().toString(), robots.skipReason());
                        continue;
                    }
                    fetches++;
                    visit(t);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Crawl of {} interrupted after {} fetches", seedUri, fetches);
            }
            log.info("Crawled {}: {} pages, {} failures, {} skipped in {} ms", seedUri, pages.size(),
                    failures.size(), skipped.size(), (System.nanoTime() - started) / 1_000_000);
            return result(seedUri.toString());
        }

        private SiteCrawl result(String seed) {
            return new SiteCrawl(seed, pages, failures, List.copyOf(skipped), List.copyOf(notes));
        }

        /** Reads /robots.txt of the seed's origin, following up to maxRedirects redirects anywhere (RFC 9309 §2.3.1.2). */
        private RobotsPolicy loadRobots(URI seed) throws InterruptedException {
            URI uri = seed.resolve("/robots.txt");
            for (int hop = 0; ; hop++) {
                Exchange ex = fetch(uri, settings.delay()).exchange();
                int st = ex.status();
                if (notArchived(ex)) {
                    return RobotsPolicy.allowAll(settings);
                }
                if (!ex.hasResponse() || ex.timedOut() || ex.error() != null) {
                    log.warn("robots.txt of {} unreachable ({}): treating the site as disallowed (RFC 9309)",
                            seed, ex.error());
                    counters.failure();
                    failures.add(new FetchFailure(uri.toString(), null, st, ex.error(), Instant.now()));
                    return RobotsPolicy.failed(0, settings);
                }
                if (isRedirect(st) && hop < settings.maxRedirects()) {
                    Optional<URI> next = ex.header("Location").flatMap(loc -> resolve(ex.uri(), loc));
                    if (next.isPresent()) {
                        uri = next.get();
                        continue;
                    }
                }
                if (st >= 200 && st < 300) {
                    ContentDecoder.Decoded body = ContentDecoder.decode(ex.rawBody(),
                            ex.header("Content-Encoding").orElse(null), settings.maxBodyBytes(), ex.capped());
                    RobotsPolicy policy = RobotsPolicy.parse(uri.toString(), body.body(),
                            ex.header("Content-Type").orElse(null), settings);
                    log.debug("robots.txt of {}: delay {}, disallow all {}", seed, policy.delay(), policy.disallowsAll());
                    return policy;
                }
                if (st >= 400 && st < 500) {
                    return RobotsPolicy.allowAll(settings);
                }
                log.warn("robots.txt of {} answered HTTP {}: treating the site as disallowed (RFC 9309)", seed, st);
                counters.failure();
                failures.add(new FetchFailure(uri.toString(), null, st, "HTTP " + st, Instant.now()));
                return RobotsPolicy.failed(st, settings);
            }
        }

        /** Fetches one URL, following redirects by hand; records a page, a failure or a skip. */
        private void visit(Target t) throws InterruptedException {
            URI current = t.uri();
            List<URI> chain = new ArrayList<>(List.of(current));
            for (int hop = 0; ; hop++) {
                Recorded r = fetch(current, robots.delay());
                Exchange ex = r.exchange();
                int st = ex.status();
                String where = current.equals(t.uri()) ? "" : " (after redirect to " + current + ")";
                if (notArchived(ex)) {
                    skip(current.toString(), WarcReplay.NOT_ARCHIVED);
                    return;
                }
                if (!ex.hasResponse() || ex.timedOut() || ex.error() != null) {
                    fail(t, st, ex.error() + where);
                    return;
                }
                if (isRedirect(st)) {
                    Optional<String> location = ex.header("Location");
                    if (location.isEmpty()) {
                        fail(t, st, "HTTP " + st + " without Location" + where);
                        return;
                    }
                    Optional<URI> next = resolve(current, location.get());
                    if (next.isEmpty()) {
                        fail(t, st, "redirect to unusable URL " + location.get());
                        return;
                    }
                    URI to = next.get();
                    if (chain.contains(to)) {
                        fail(t, st, "redirect loop");
                        return;
                    }
                    if (hop + 1 > settings.maxRedirects()) {
                        fail(t, st, "too many redirects (more than " + settings.maxRedirects() + ")");
                        return;
                    }
                    if (!scope.contains(to)) {
                        skip(t.uri().toString(), "redirect out of scope to " + to);
                        return;
                    }
                    if (!robots.allows(to)) {
                        skip(t.uri().toString(), "redirect to " + to + " disallowed by robots.txt");
                        return;
                    }
                    if (!seen.add(to.toString())) {
                        skip(t.uri().toString(), "redirect to already seen " + to);
                        return;
                    }
                    chain.add(to);
                    current = to;
                    continue;
                }
                if (st >= 200 && st < 300) {
                    keep(t, current, r);
                } else {
                    fail(t, st, "HTTP " + st + where);
                }
                return;
            }
        }

        private void keep(Target t, URI url, Recorded r) {
            Exchange ex = r.exchange();
            serverErrorsInARow = 0;
            counters.page();
            String contentType = ex.header("Content-Type").orElse(null);
            ContentDecoder.Decoded body = ContentDecoder.decode(ex.rawBody(),
                    ex.header("Content-Encoding").orElse(null), settings.maxBodyBytes(), ex.capped());
            pages.add(new FetchedPage(url.toString(), t.uri().toString(), t.referrer(), t.depth(), ex.status(),
                    contentType, body.body(), body.truncated(), ex.receivedAt(), r.warcRecordId()));
            if (ex.capped()) {
                notes.add("body cut at the byte cap (" + settings.maxBodyBytes() + " bytes): " + url);
            } else if (body.truncated()) {
                notes.add("decoded body cut at the byte cap (" + settings.maxBodyBytes()
                        + " bytes; compression bomb?): " + url);
            }
            boolean html = isHtml(url, contentType, body.body());
            if (t.depth() >= settings.maxDepth() || Urls.isAttachment(url) || !html) {
                return;
            }
            for (String link : LinkExtractor.links(body.body(), contentType, url.toString())) {
                if (Urls.SESSION_MARK.matcher(link).find()) {
                    notes.add("links carry session ids (stripped): " + url);
                }
                Optional<URI> next = Urls.normalise(link);
                if (next.isEmpty() || !seen.add(next.get().toString())) {
                    continue;
                }
                URI u = next.get();
                if (!scope.contains(u)) {
                    skip(u.toString(), "out of scope");
                } else if (!robots.allows(u)) {
                    skip(u.toString(), robots.skipReason());
                } else {
                    Optional<String> trap = traps.check(u);
                    if (trap.isPresent()) {
                        skip(u.toString(), trap.get());
                    } else {
                        frontier.add(new Target(u, url.toString(), t.depth() + 1));
                    }
                }
            }
        }

        /**
         * Whether to read links from a body, trusting the body over a wrong Content-Type: markup served as
         * {@code text/plain} or {@code application/octet-stream} is read, a PDF or ZIP served as {@code text/html}
         * is not. Either mismatch is noted.
         */
        private boolean isHtml(URI url, String contentType, byte[] body) {
            boolean declared = LinkExtractor.isHtml(contentType, body);
            boolean markup = LinkExtractor.isHtml(null, body);
            if (declared && contentType != null && ContentSniffer.isBinary(body)) {
                notes.add("Content-Type " + contentType + " but the body is " + ContentSniffer.describe(body) + ": " + url);
                return false;
            }
            if (!declared && markup && !Urls.isAttachment(url)) {
                notes.add("Content-Type " + contentType + " but the body is HTML: " + url);
                return true;
            }
            return declared;
        }

        /**
         * Records a failed URL. A failure without an answer (refused, reset, timeout, unknown host: the server or
         * its name gone) or with a 5xx counts towards the storm breaker, so a site whose server stops or whose name
         * stops resolving mid-crawl is abandoned after {@code maxConsecutiveErrors} URLs instead of every URL left
         * being tried.
         */
        private void fail(Target t, int status, String error) {
            counters.failure();
            if (status == 0 || status >= 500) {
                serverErrorsInARow++;
                lastStormError = error;
            }
            log.debug("Failed {} (from {}): {}", t.uri(), t.referrer(), error);
            failures.add(new FetchFailure(t.uri().toString(), t.referrer(), status, error, Instant.now()));
        }

        private void skip(String url, String reason) {
            skipped.add(url + " — " + reason);
        }

        /**
         * One URL with bounded retries: a 5xx answer (and 429) or a broken connection is tried again up to
         * {@code maxRetries} times, waiting {@code retryBackoff} doubled each time (capped). A timeout is not
         * retried: the deadline was already spent. Every attempt is archived; the last one is returned.
         */
        private Recorded fetch(URI uri, Duration delay) throws InterruptedException {
            for (int attempt = 0; ; attempt++) {
                Recorded r = exchange(uri, delay);
                bytes += r.exchange().rawBody().length;
                if (attempt >= settings.maxRetries() || !retryable(r.exchange())) {
                    return r;
                }
                Duration wait = settings.backoff(attempt + 1);
                log.debug("Retrying {} in {} after {}", uri, wait, describe(r.exchange()));
                if (!r.replayed()) {
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                }
            }
        }
    }

    /** A URL a reassessment's archive does not hold: skipped, never a failure (nothing was asked of the site). */
    private static boolean notArchived(Exchange ex) {
        return ex.error() != null && ex.error().endsWith(WarcReplay.NOT_ARCHIVED);
    }

    private static boolean retryable(Exchange ex) {
        int st = ex.status();
        if (ex.timedOut()) {
            return false;
        }
        if (ex.error() != null) {
            return ex.error().startsWith("I/O error");
        }
        return st == 429 || st == 500 || st == 502 || st == 503 || st == 504;
    }

    private static String describe(Exchange ex) {
        return ex.error() != null ? ex.error() : "HTTP " + ex.status();
    }

    /** The host's address for per-IP pacing, resolved once; {@code null} when it does not resolve. */
    private String address(URI uri) {
        String a = addresses.computeIfAbsent(uri.getHost(), h -> {
            try {
                return InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                return "";
            }
        });
        return a.isEmpty() ? null : a;
    }

    private Recorded exchange(URI uri, Duration delay) throws InterruptedException {
        Optional<WarcReplay.Stored> stored = replay.take(uri);
        if (stored.isPresent()) {
            Exchange ex = stored.get().exchange();
            counters.request(ex.rawBody().length, true);
            log.debug("GET {} → {} (from the archive of the interrupted crawl)", uri, describe(ex));
            return new Recorded(ex, stored.get().recordId(), true);
        }
        if (replay.isArchiveOnly()) {
            return new Recorded(Exchange.refused(uri, WarcReplay.NOT_ARCHIVED), null, true);
        }
        // SSRF guard (web app): the resolved address is checked before every request, redirect hops included, so
        // neither a name resolving to a private address nor a redirect into one is followed.
        Optional<String> refused = settings.targetPolicy().refusal(uri);
        if (refused.isPresent()) {
            log.warn("Refused {}: {}", uri, refused.get());
            return new Recorded(Exchange.refused(uri, refused.get()), null, false);
        }
        // The exchange is archived before the host and IP are free for the next request: whatever a server has
        // answered is in the WARC before anything else is asked of it, so a killed crawl loses at most the request
        // in flight (resume relies on this).
        Recorded r = pacer.paced(SiteScope.hostKey(uri), delay, address(uri), settings.ipDelay(), () -> {
            Exchange ex = fetcher.get(uri);
            try {
                return new Recorded(ex, archive.record(ex).orElse(null), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write WARC " + archive.file(), e);
            }
        });
        Exchange ex = r.exchange();
        counters.request(ex.rawBody().length, false);
        log.debug("GET {} → {} ({} bytes{})", uri, ex.hasResponse() ? ex.status() : ex.error(), ex.rawBody().length,
                ex.capped() ? ", capped" : "");
        return r;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Resolves a Location header leniently (java.net.URL accepts the unescaped characters servers send). */
    private static Optional<URI> resolve(URI base, String location) {
        try {
            return Urls.normalise(new java.net.URL(base.toURL(), location.strip()).toString());
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
