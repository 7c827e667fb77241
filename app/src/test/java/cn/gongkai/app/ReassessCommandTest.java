package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gongkai reassess}: a stored run assessed again from its WARC files, with its own pack and date or with
 * others, gives the findings a fresh audit of the same sites gives, sends no request to any site, and is stored as a
 * new run naming the run it came from, with every output an audit writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassessCommandTest {

    private static final Path TMP = Path.of("target/reassess-test").toAbsolutePath();
    private static final Path DATA = TMP.resolve("data");

    private FixtureServer fixtures;
    private Path list;
    private String sourceRun;
    private JsonNode sourceFindings;

    @BeforeAll
    void auditOnce() throws IOException {
        FileSystemUtils.deleteRecursively(TMP);
        fixtures = FixtureServer.start();
        // Two sites keep the four audits short: a model department and a county government on an old GBK CMS.
        list = cn.gongkai.fixtures.AgencyListCsv.write(TMP.resolve("agencies.csv"), fixtures.sites().stream()
                .filter(s -> s.id().equals("hn-model-dept") || s.id().equals("county-gbk-gov"))
                .map(s -> List.of(s.name(), fixtures.siteUrl(s.id()).toString(), s.type(), s.tier())).toList());
        Path out = TMP.resolve("audit");
        assertThat(run(OutputFaultTest.audit(list, out)).exit).isZero();
        sourceRun = Files.readAllLines(out.resolve("audit.log"), StandardCharsets.UTF_8).get(0).split(" ")[1];
        sourceFindings = read(out.resolve("findings.json"));
    }

    @AfterAll
    void stop() {
        fixtures.close();
    }

    @Test
    void theSamePackAndDateGiveTheSameFindingsWithoutOneRequest() throws Exception {
        Map<String, Integer> before = fixtures.requests().counts();
        Path out = TMP.resolve("same");
        Result r = run(List.of("reassess", "--run", sourceRun, "--out", out.toString(), "--progress-seconds", "0"));
        assertThat(r.exit).as(r.out).isZero();
        assertThat(fixtures.requests().counts()).as("requests to the fixture sites").isEqualTo(before);
        // Every evidence record is the source run's: same record ids, same fetch times.
        assertThat(withoutRunId(read(out.resolve("findings.json")))).isEqualTo(withoutRunId(sourceFindings));
        for (String f : List.of("assessment.xlsx", "report.html", "findings.json", "facts.json", "crawl.warc.gz", "audit.log")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(r.out).contains("重新测评", "源测评   source run: " + sourceRun);
        String newRun = Files.readAllLines(out.resolve("audit.log"), StandardCharsets.UTF_8).get(0).split(" ")[1];
        assertThat(newRun).isNotEqualTo(sourceRun);
        try (Connection c = OutputFaultTest.connect(DATA); ResultSet rs = c.createStatement().executeQuery(
                "SELECT source_run_id, status FROM run WHERE id = '" + newRun + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(sourceRun);
            assertThat(rs.getString(2)).isEqualTo("DONE");
        }
        assertThat(run(List.of("runs")).out).contains(newRun, "由 " + sourceRun + " 的存档重新测评");
    }

    @Test
    void anotherPackAndDateGiveWhatAFreshAuditWithThemGives() throws IOException {
        Map<String, Integer> before = fixtures.requests().counts();
        Path out = TMP.resolve("other");
        Result r = run(List.of("reassess", "--run", sourceRun, "--pack", "hn-2020", "--as-of", "2025-06-30",
                "--out", out.toString(), "--progress-seconds", "0"));
        assertThat(r.exit).as(r.out).isZero();
        assertThat(fixtures.requests().counts()).as("requests to the fixture sites").isEqualTo(before);
        JsonNode reassessed = read(out.resolve("findings.json"));
        assertThat(reassessed.path("pack").asString()).isEqualTo("hn-2020");
        assertThat(reassessed.path("asOf").asString()).isEqualTo("2025-06-30");

        Path fresh = TMP.resolve("fresh");
        List<String> audit = new ArrayList<>(OutputFaultTest.audit(list, fresh));
        audit.set(audit.indexOf("cn-regulation-2019"), "hn-2020");
        audit.set(audit.indexOf("2025-09-30"), "2025-06-30");
        assertThat(run(audit).exit).isZero();
        assertThat(comparable(reassessed)).isEqualTo(comparable(read(fresh.resolve("findings.json"))));
    }

    @Test
    void anUnknownRunIsNamedAndNothingIsStored() {
        Result r = run(List.of("reassess", "--run", "no-such-run"));
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("没有编号为 no-such-run 的测评", "no run no-such-run");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Result(int exit, String out, String err) {
    }

    /** The real command line in this JVM with the test's run database, its output captured. */
    private static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("gongkai.data-dir", DATA.toString());
        try {
            int exit = org.springframework.boot.SpringApplication.exit(org.springframework.boot.SpringApplication.run(
                    GongkaiApplication.class, args.toArray(String[]::new)));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.clearProperty("gongkai.data-dir");
        }
    }

    private static JsonNode read(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }

    private static JsonNode withoutRunId(JsonNode node) {
        return without(node, List.of("runId", "generatedAt"));
    }

    /** Without what differs between two crawls of the same sites: times, record ids, run ids. */
    private static JsonNode comparable(JsonNode node) {
        return without(node, List.of("fetchedAt", "warcRecordId", "runId", "startedAt", "generatedAt"));
    }

    private static JsonNode without(JsonNode node, List<String> fields) {
        JsonNode copy = node.deepCopy();
        strip(copy, fields);
        return copy;
    }

    private static void strip(JsonNode node, List<String> fields) {
        if (node instanceof ObjectNode o) {
            fields.forEach(o::remove);
        }
        node.forEach(n -> strip(n, fields));
    }
}
