package cn.gongkai.app;

import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gongkai audit --resume}: an audit process killed with SIGKILL early, half-way and late in the crawl (the
 * fixture sites answer slowly so each kill lands mid-site), then resumed, yields the same facts and findings as an uninterrupted run of
 * the same audit, without fetching again what the killed process had archived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeAuditTest {

    private static final Path TMP = Path.of("target/resume-test").toAbsolutePath();

    private final JsonMapper json = JsonMapper.builder().build();
    private FixtureServer server;
    private Path list;
    private Path outA;
    private int total;

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
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** Killed early (first sites mid-crawl), half-way, and late (most sites crawled and assessed). */
    @ParameterizedTest(name = "killed after {0}% of the requests")
    @ValueSource(ints = {20, 50, 90})
    void killedAuditResumesWithTheSameFactsAndWithoutRefetching(int percent) throws Exception {
        server.requests().clear();
        // The same audit in a separate JVM, killed with SIGKILL part-way through its requests.
        Path outB = TMP.resolve("resumed-" + percent);
        Path dataB = TMP.resolve("data-b-" + percent);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dgongkai.data-dir=" + dataB, "-Dfile.encoding=UTF-8", "-Xmx512m",
                GongkaiApplication.class.getName()));
        cmd.addAll(audit(list, outB));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(TMP.resolve("killed-run-" + percent + ".txt").toFile()).start();
        boolean gotThere = server.requests().await(total * percent / 100, Duration.ofMinutes(2));
        child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, the WARC's last record may be cut
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gotThere).as("the killed run got %d%% of the way; see killed-run-%d.txt", percent, percent).isTrue();
        assertThat(outB.resolve("findings.json")).doesNotExist();
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
