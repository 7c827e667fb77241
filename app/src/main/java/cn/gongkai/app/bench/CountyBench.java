package cn.gongkai.app.bench;

import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.app.run.AuditRequest;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.fixtures.county.County;
import cn.gongkai.fixtures.county.CountyDocument;
import cn.gongkai.fixtures.county.CountyUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built-in 集约化 county audited at the default page budget beside a full {@code wget} mirror of the same county
 * (both hosts, robots.txt obeyed, the same per-host wait): requests, bytes and time of each, how many of the
 * ground truth's documents each reached, and how many of the audit's auto verdicts equal the ground truth. The goal
 * of an audit is the same verdicts from a fraction of the requests. Needs a JVM that resolves the county's names
 * ({@code gongkai bench} starts in one).
 */
public final class CountyBench {

    /** What the audit did. */
    public record Audit(long requests, long bytes, double seconds, int documentsReached, int documents,
                        int verdictsMatching, int verdicts, List<String> differing) {
    }

    /** What the mirror did. */
    public record Mirror(long requests, long bytes, double seconds, long files, int documentsReached, int documents) {
    }

    private final AuditJob job;

    public CountyBench(AuditJob job) {
        this.job = job;
    }

    /** Audits the county with the default page budget and {@code delay} between two requests to one host. */
    public Audit audit(RulePack pack, Duration delay, Path work) throws InterruptedException {
        try (County county = County.start()) {
            Path dir = work.resolve("county-audit");
            Path list = county.writeAgencyList(dir.resolve("agencies.csv"));
            CrawlSettings settings = CrawlSettings.defaults().withDelay(delay).withIpDelay(Duration.ZERO)
                    .withRetries(1, Duration.ofMillis(100));
            long start = System.nanoTime();
            AuditJob.Outcome outcome = job.run(AuditRequest.of(AgencyListReader.read(list), pack, County.AS_OF, dir,
                    settings, 4).readFrom(list, pack.id()), new PrintWriter(Writer.nullWriter()));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Map<String, String>> truth = groundTruth();
            int matching = 0;
            int verdicts = 0;
            List<String> differing = new ArrayList<>();
            for (CountyUnit unit : county.units()) {
                AgencyResult r = outcome.report().agencies().stream().filter(a -> a.agency().name().equals(unit.name()))
                        .findFirst().orElseThrow();
                for (Map.Entry<String, String> e : truth.get(unit.code()).entrySet()) {
                    verdicts++;
                    Optional<String> got = r.findings().stream().filter(f -> f.rule().equals(e.getKey()))
                            .map(f -> f.status().name()).findFirst();
                    if (got.isPresent() && got.get().equals(e.getValue())) {
                        matching++;
                    } else {
                        differing.add(unit.name() + " " + e.getKey() + " " + got.orElse("-") + "≠" + e.getValue());
                    }
                }
            }
            int reached = reached(county);
            return new Audit(county.requests(), county.bytesSent(), seconds, reached, county.documents().size(),
                    matching, verdicts, differing);
        }
    }

    /**
     * {@code wget --recursive --span-hosts --domains qinglan.gov.cn} from the portal and every agency address, through
     * the county's proxy (wget has no hosts file of its own), waiting {@code delay} between requests.
     */
    public static Mirror wget(Path wget, Duration delay, Path work) throws IOException, InterruptedException {
        try (County county = County.start()) {
            Path dir = work.resolve("county-wget");
            Files.createDirectories(dir);
            List<String> cmd = new ArrayList<>(List.of(wget.toString(), "--recursive", "--level=inf", "--span-hosts",
                    "--domains=" + County.PORTAL_HOST.substring(4), "--wait=" + String.format(Locale.ROOT, "%.3f",
                            delay.toMillis() / 1000.0), "--tries=1", "--timeout=30", "--no-verbose", "--execute", "robots=on",
                    "--execute", "use_proxy=on", "--execute", "http_proxy=http://" + County.PORTAL_IP + ":" + county.port() + "/",
                    "--directory-prefix=" + dir));
            for (CountyUnit u : county.units()) {
                county.agencyRow(u).stream().skip(1).limit(1).forEach(cmd::add);
            }
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(); // exits 8 when some link answered 404, which the county's removed unit does
            double seconds = (System.nanoTime() - start) / 1e9;
            long files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("robots.txt")).count();
            }
            CampaignBench.deleteTree(dir);
            return new Mirror(county.requests(), county.bytesSent(), seconds, files, reached(county), county.documents().size());
        }
    }

    /** The ground truth's documents (指南, 年报, 预算, 决算 of every tree) that were requested at least once. */
    private static int reached(County county) {
        Map<String, Integer> counts = county.requestCounts(); // the county's URLs are ASCII: as requested
        return (int) county.documents().stream().filter(d -> counts.containsKey(d.url())).count();
    }

    /** The hand-written verdicts: unit code → rule id → status. */
    static Map<String, Map<String, String>> groundTruth() {
        try (InputStream in = County.class.getClassLoader().getResourceAsStream("county/ground-truth.yaml")) {
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            Map<String, Map<String, String>> out = new HashMap<>();
            root.path("units").properties().forEach(u -> {
                Map<String, String> items = new HashMap<>();
                u.getValue().path("findings").properties().forEach(f -> items.put(f.getKey(), f.getValue().asString()));
                out.put(u.getKey(), items);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
