package cn.gongkai.app;

import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.Test;
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
 * {@code gongkai audit --resume}: an audit process killed with SIGKILL mid-crawl (the fixture sites answer
 * slowly so the kill lands mid-site), then resumed, yields the same facts and findings as an uninterrupted run of
 * the same audit, without fetching again what the killed process had archived.
 */
class ResumeAuditTest {

    private static final Path TMP = Path.of("target/resume-test").toAbsolutePath();

    @Test
    void killedAuditResumesWithTheSameFactsAndWithoutRefetching() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Files.createDirectories(TMP);
        JsonMapper json = JsonMapper.builder().build();
        try (FixtureServer server = FixtureServer.start(Duration.ofMillis(15))) {
            Path list = server.writeAgencyList(TMP.resolve("agencies.csv"));

            // 1. The uninterrupted run, as the reference.
            Path outA = TMP.resolve("uninterrupted");
            assertThat(runInProcess(TMP.resolve("data-a"), audit(list, outA))).isZero();
            int total = server.requests().total();
            server.requests().clear();

            // 2. The same audit in a separate JVM, killed with SIGKILL half-way through its requests.
            Path outB = TMP.resolve("resumed");
            Path dataB = TMP.resolve("data-b");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dgongkai.data-dir=" + dataB, "-Dfile.encoding=UTF-8", "-Xmx512m",
                    GongkaiApplication.class.getName()));
            cmd.addAll(audit(list, outB));
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(TMP.resolve("killed-run.txt").toFile()).start();
            boolean halfWay = server.requests().await(total / 2, Duration.ofMinutes(2));
            child.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, the WARC's last record may be cut
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(halfWay).as("the killed run got half-way; see killed-run.txt").isTrue();
            assertThat(outB.resolve("findings.json")).doesNotExist();
            Map<String, Integer> beforeKill = server.requests().counts();
            String runId = Files.readAllLines(outB.resolve("audit.log"), StandardCharsets.UTF_8).get(0).split(" ")[1];

            // 3. Resume it.
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
