package cn.gongkai.app;

import cn.gongkai.engine.audit.Failpoint;
import cn.gongkai.fixtures.FixtureServer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code gongkai audit --resume}: an audit process killed with SIGKILL early, half-way and late in the crawl (the
 * fixture sites answer slowly so each kill lands mid-site), in the middle of extracting a site's pages, and while
 * writing the workbook, then resumed, yields the same facts and findings as an uninterrupted run of the same audit,
 * without fetching again what the killed process had archived, and leaves every output file complete.
 * The last two moments are reached with a {@link Failpoint} armed in the killed process: it pauses there and says
 * so on stderr, and the test kills it on that line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeAuditTest {

    private static final Path TMP = Path.of("target/resume-test").toAbsolutePath();

    private final JsonMapper json = JsonMapper.builder().build();
    private FixtureServer server;
    private Path list;
    private Path outA;
    private int total;
    private int pagesExtracted;

    /** The uninterrupted run, as the reference for every kill point. */
    @BeforeAll
    void uninterruptedRun() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Files.createDirectories(TMP);
        server = FixtureServer.start(Duration.ofMillis(15));
        list = server.writeAgencyList(TMP.resolve("agencies.csv"));
        outA = TMP.resolve("uninterrupted");
        assertThat(runInProcess(TMP.resolve("data-a"), audit(list, outA))).isZero();
        total = server.requests().total();
        pagesExtracted = json.readTree(outA.resolve("facts.json").toFile()).findValues("pagesFetched").stream()
                .mapToInt(JsonNode::asInt).sum();
        assertThat(pagesExtracted).isGreaterThan(10);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /**
     * Where the separate audit process is killed: after a share of the requests the uninterrupted run made, or
     * where a failpoint pauses it ({@code failpoint} is the point's name; {@code extract-page} is armed at a
     * quarter of the pages the uninterrupted run extracted: one site assessed, the next mid-extraction).
     */
    record KillPoint(String label, int percent, String failpoint) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<KillPoint> killPoints() {
        return Stream.of(
                new KillPoint("after 20% of the requests (first sites mid-crawl)", 20, null),
                new KillPoint("after 50% of the requests", 50, null),
                new KillPoint("after 90% of the requests (most sites crawled and assessed)", 90, null),
                new KillPoint("mid-extraction, a quarter of the pages extracted", 0, Failpoint.EXTRACT_PAGE),
                new KillPoint("while writing the workbook, after its first scorecard", 0, Failpoint.WRITE_WORKBOOK));
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("killPoints")
    void killedAuditResumesWithTheSameFactsAndWithoutRefetching(KillPoint at) throws Exception {
        server.requests().clear();
        // The same audit in a separate JVM, killed with SIGKILL part-way through.
        String tag = at.failpoint() == null ? Integer.toString(at.percent()) : at.failpoint();
        Path outB = TMP.resolve("resumed-" + tag);
        Path dataB = TMP.resolve("data-b-" + tag);
        Path childLog = TMP.resolve("killed-run-" + tag + ".txt");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dgongkai.data-dir=" + dataB, "-Dfile.encoding=UTF-8", "-Xmx512m",
                // A short-lived child on shared cores: C1 only and the serial collector halve its CPU time.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (at.failpoint() != null) {
            int nth = Failpoint.EXTRACT_PAGE.equals(at.failpoint()) ? pagesExtracted / 4 : 1;
            cmd.add("-D" + Failpoint.PROPERTY + "=" + at.failpoint() + ":" + nth);
        }
        cmd.add(GongkaiApplication.class.getName());
        cmd.addAll(audit(list, outB));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<Void> paused = watch(child.getInputStream(), childLog,
                at.failpoint() == null ? null : "failpoint " + at.failpoint() + " reached");
        boolean gotThere = at.failpoint() == null
                ? server.requests().await(total * at.percent() / 100, Duration.ofMinutes(2))
                : reached(paused, Duration.ofMinutes(2));
        child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, the WARC's last record may be cut
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gotThere).as("the killed run got %s; see %s", at, childLog).isTrue();
        assertThat(outB.resolve("findings.json")).doesNotExist();
        assertThat(outB.resolve("facts.json")).doesNotExist();
        if (Failpoint.WRITE_WORKBOOK.equals(at.failpoint())) {
            // Killed with the workbook half made: it is still a .part file, never a truncated assessment.xlsx, and
            // the sheets written so far are in the scratch folder beside it (not the system temp folder).
            assertThat(outB.resolve("assessment.xlsx.part")).exists();
            assertThat(outB.resolve("assessment.xlsx")).doesNotExist();
            try (Stream<Path> scratch = Files.list(outB.resolve("assessment.xlsx.tmp"))) {
                assertThat(scratch.map(f -> f.getFileName().toString())).anyMatch(f -> f.startsWith("poi-sxssf-sheet"));
            }
        }
        Map<String, Integer> beforeKill = server.requests().counts();
        String runId = Files.readAllLines(outB.resolve("audit.log"), StandardCharsets.UTF_8).get(0).split(" ")[1];

        // Resume it.
        assertThat(runInProcess(dataB, List.of("audit", "--resume", runId, "--progress-seconds", "0"))).isZero();

        // Same facts and findings as the uninterrupted run (times and record ids aside).
        assertThat(comparable(json.readTree(outB.resolve("facts.json").toFile())))
                .isEqualTo(comparable(json.readTree(outA.resolve("facts.json").toFile())));
        assertThat(comparable(json.readTree(outB.resolve("findings.json").toFile())))
                .isEqualTo(comparable(json.readTree(outA.resolve("findings.json").toFile())));

        // Nothing fetched twice, except at most the one request in flight when the process died (all fixture
        // sites share 127.0.0.1, so per-IP politeness allows one request at a time).
        Map<String, Integer> counts = server.requests().counts();
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(twice).as("fetched twice: %s of %s", twice, counts).hasSizeLessThanOrEqualTo(1);
        assertThat(beforeKill.keySet()).isNotEmpty();
        assertThat(server.requests().total()).isLessThan(total + 2);
        if (Failpoint.WRITE_WORKBOOK.equals(at.failpoint())) {
            // The crawl had ended: resuming only writes the outputs again, without a single request.
            assertThat(server.requests().counts()).isEqualTo(beforeKill);
        }

        // Every output is complete: the workbook opens with the uninterrupted run's sheets, the page is whole, and
        // no partial file is left behind.
        assertThat(sheetNames(outB.resolve("assessment.xlsx"))).isEqualTo(sheetNames(outA.resolve("assessment.xlsx")));
        assertThat(Files.readString(outB.resolve("report.html"), StandardCharsets.UTF_8).strip()).endsWith("</html>");
        try (Stream<Path> files = Files.list(outB)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(f -> f.endsWith(".part") || f.endsWith(".tmp"));
        }

        // The archive is complete: the killed run's file and the resumed run's file hold every record cited.
        assertThat(outB.resolve("crawl-00001.warc.gz")).exists();
        Set<String> ids = new HashSet<>();
        for (String f : List.of("crawl.warc.gz", "crawl-00001.warc.gz")) {
            ids.addAll(readableIds(outB.resolve(f)));
        }
        List<String> cited = json.readTree(outB.resolve("facts.json").toFile()).findValuesAsString("warcRecordId");
        assertThat(cited).isNotEmpty();
        assertThat(ids).containsAll(cited.stream().filter(s -> s != null && !s.isEmpty()).toList());
    }

    /**
     * Copies the child's output to {@code file} as it comes; the future completes when a line contains
     * {@code marker} (if not null), and fails if the output ends first.
     */
    private static CompletableFuture<Void> watch(InputStream output, Path file, String marker) throws IOException {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true);
        Thread copier = new Thread(() -> {
            try (copy; BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    copy.println(line);
                    if (marker != null && line.contains(marker)) {
                        seen.complete(null);
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
            seen.completeExceptionally(new IllegalStateException("output ended before: " + marker));
        }, "child-output");
        copier.setDaemon(true);
        copier.start();
        return seen;
    }

    /** Whether the failpoint line came before {@code timeout}; false if the process ended or took too long. */
    private static boolean reached(CompletableFuture<Void> paused, Duration timeout) throws InterruptedException {
        try {
            paused.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static List<String> sheetNames(Path workbook) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            List<String> names = new ArrayList<>();
            for (Sheet sheet : wb) {
                names.add(sheet.getSheetName());
            }
            return names;
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return fail("not a workbook: " + workbook, e);
        }
    }

    private static List<String> audit(Path list, Path out) {
        return List.of("audit", "--agencies", list.toString(), "--pack", "cn-regulation-2019",
                "--as-of", "2025-09-30", "--out", out.toString(), "--max-pages", "120", "--delay-ms", "0",
                "--ip-delay-ms", "0", "--timeout-ms", "10000", "--retries", "1", "--retry-backoff-ms", "50",
                "--progress-seconds", "0", "--parallel", "6");
    }

    private static int runInProcess(Path data, List<String> args) {
        System.setProperty("gongkai.data-dir", data.toString());
        try {
            return SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args.toArray(String[]::new)));
        } finally {
            System.clearProperty("gongkai.data-dir");
        }
    }

    /** Ids of the response records readable in a WARC that may end in a truncated record. */
    private static List<String> readableIds(Path warc) {
        List<String> ids = new ArrayList<>();
        try (var reader = new org.netpreserve.jwarc.WarcReader(warc)) {
            for (var r : reader) {
                ids.add("<" + r.id() + ">");
            }
        } catch (Exception e) {
            // the killed run's file ends mid-record
        }
        return ids;
    }

    /** The JSON without what differs between two crawls of the same sites: times, record ids, run ids, ports. */
    private static JsonNode comparable(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String f : List.of("fetchedAt", "warcRecordId", "runId", "startedAt", "generatedAt")) {
                o.remove(f);
            }
        }
        node.forEach(ResumeAuditTest::strip);
    }

    @SuppressWarnings("unused")
    private static String classpath() {
        return System.getProperty("java.class.path").replace(File.pathSeparatorChar, '\n');
    }
}
