package cn.gongkai.app;

import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.fixtures.FixtureServer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo path end to end, through the real command line: fixture sites on loopback → crawl → WARC →
 * extraction → Drools → scores → workbook, JSON and the run database, checked against each fixture site's
 * ground truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAuditTest {

    /** Kept under target/ after the run, so a failing comparison can be inspected. */
    private final Path tmp = Path.of("target/demo-test").toAbsolutePath();

    private Path out;
    private Path data;
    private int exitCode;
    /** Everything the demo printed (standard output and error), with logger names on log lines. */
    private String console;
    private JsonNode findings;
    private JsonNode facts;
    private final List<JsonNode> truths = new ArrayList<>();

    @BeforeAll
    void runDemo() throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        out = tmp.resolve("out");
        data = tmp.resolve("data");
        // A system property outranks application.properties, as GONGKAI_DATA does for users.
        System.setProperty("gongkai.data-dir", data.toString());
        System.setProperty("logging.pattern.console", ConsoleNoise.PATTERN);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(new Tee(stdout, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(stderr, printed), true, StandardCharsets.UTF_8));
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "demo", "--out", out.toString()));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.clearProperty("gongkai.data-dir");
            System.clearProperty("logging.pattern.console");
        }
        console = printed.toString(StandardCharsets.UTF_8);
        JsonMapper json = JsonMapper.builder().build();
        findings = json.readTree(out.resolve("findings.json").toFile());
        facts = json.readTree(out.resolve("facts.json").toFile());
        YAMLMapper yaml = YAMLMapper.builder().build();
        try (FixtureServer server = FixtureServer.start()) {
            for (var site : server.sites()) {
                try (InputStream in = FixtureServer.class.getClassLoader()
                        .getResourceAsStream("sites/" + site.id() + "/ground-truth.yaml")) {
                    truths.add(yaml.readTree(in));
                }
            }
        }
    }

    @Test
    void demoExitsCleanlyAndWritesEveryOutput() {
        assertThat(exitCode).isZero();
        for (String f : List.of("assessment.xlsx", "findings.json", "facts.json", "crawl.warc.gz", "audit.log", "agencies.csv")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(findings.path("pack").asString()).isEqualTo("cn-regulation-2019");
        assertThat(findings.path("asOf").asString()).isEqualTo("2025-09-30");
        assertThat(truths).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void demoConsoleHasItsOwnLinesAndNoFrameworkNoise() {
        assertThat(console).contains("示例网站已在本机启动", "排名", "测评表   workbook:");
        assertThat(ConsoleNoise.of(console)).as(console).isEmpty();
    }

    /** Writes to the console as usual and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }

    @Test
    void everyAgencyGetsTheFindingsAndScoreOfItsGroundTruth() {
        for (JsonNode truth : truths) {
            JsonNode agency = agency(findings, truth.path("name").asString());
            Map<String, String> actual = new HashMap<>();
            agency.path("findings").forEach(f -> actual.put(f.path("rule").asString(), f.path("status").asString()));
            Map<String, String> expected = new HashMap<>();
            truth.path("findings").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
            assertThat(actual).as("findings of %s", truth.path("id").asString()).isEqualTo(expected);
            assertThat(agency.path("score").asDouble()).as("score of %s", truth.path("id").asString())
                    .isEqualTo(truth.path("score").asDouble());
        }
    }

    @Test
    void anUnreachableAgencyIsAssessedAsSuchWhileTheOthersAreAudited() {
        JsonNode down = agency(findings, FixtureServer.UNREACHABLE_AGENCY);
        assertThat(down.path("score").asDouble()).isZero();
        assertThat(statusOf(down, "REG2019-24-SITE")).isEqualTo("VIOLATION");
        assertThat(findings.path("agencies").size()).isEqualTo(truths.size() + 1);
    }

    @Test
    void rankingSharesTiesAndFollowsTheScores() {
        List<JsonNode> agencies = StreamSupport.stream(findings.path("agencies").spliterator(), false).toList();
        for (JsonNode a : agencies) {
            long better = agencies.stream().filter(b -> b.path("score").asDouble() > a.path("score").asDouble()).count();
            assertThat(a.path("rank").asInt()).as("rank of %s", a.path("name").asString()).isEqualTo(better + 1);
        }
    }

    @Test
    void everyGroundTruthDocumentIsExtractedWithItsFacts() {
        for (JsonNode truth : truths) {
            JsonNode agencyFacts = agency(facts, truth.path("name").asString()).path("facts");
            for (JsonNode doc : truth.path("documents")) {
                String path = doc.path("path").asString();
                JsonNode fact = StreamSupport.stream(agencyFacts.spliterator(), false)
                        .filter(f -> decodedPath(f.path("url").asString()).equals(path)
                                && f.path("kind").asString().equals(doc.path("kind").asString()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(truth.path("id").asString() + ": no " + doc.path("kind").asString() + " fact for " + path));
                String where = truth.path("id").asString() + " " + path;
                assertThat(fact.path("yearCovered").isNull() ? null : fact.path("yearCovered").asInt()).as("year of %s", where)
                        .isEqualTo(doc.path("yearCovered").isNull() || doc.path("yearCovered").isMissingNode() ? null : doc.path("yearCovered").asInt());
                assertThat(fact.path("publishedOn").asString()).as("publishedOn of %s", where).isEqualTo(doc.path("publishedOn").asString());
                if (doc.has("hasSanGong")) {
                    assertThat(fact.path("hasSanGong").asBoolean()).as("三公 of %s", where).isEqualTo(doc.path("hasSanGong").asBoolean());
                }
                if (doc.has("guideFields")) {
                    assertThat(names(fact.path("guideFields"))).as("guide fields of %s", where).isEqualTo(names(doc.path("guideFields")));
                }
            }
            for (JsonNode decoy : truth.path("notDocuments")) {
                // Decoys for the four scored kinds; a news decoy may still be a 政务动态 fact (issue 5 kinds).
                assertThat(agencyFacts).as("%s must not be a 指南/年报/预算/决算", decoy.path("path").asString())
                        .noneMatch(f -> decodedPath(f.path("url").asString()).equals(decoy.path("path").asString())
                                && java.util.Set.of("DISCLOSURE_GUIDE", "ANNUAL_REPORT", "DEPARTMENT_BUDGET",
                                        "DEPARTMENT_FINAL_ACCOUNTS").contains(f.path("kind").asString()));
            }
        }
    }

    @Test
    void everyEvidenceRecordIsInTheWarcArchive() throws IOException {
        Set<String> ids = new HashSet<>();
        WarcArchive.read(out.resolve("crawl.warc.gz")).forEach(e -> ids.add(e.id()));
        int checked = 0;
        for (JsonNode a : findings.path("agencies")) {
            for (JsonNode f : a.path("findings")) {
                for (JsonNode ev : f.path("evidence")) {
                    if (ev.hasNonNull("warcRecordId")) {
                        assertThat(ids).contains(ev.path("warcRecordId").asString());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void workbookHasRankingAndOneScorecardPerAgencyWithLinksAndNoFormulas() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("assessment.xlsx")))) {
            assertThat(wb.getSheet("排名")).isNotNull();
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(1 + findings.path("agencies").size());
            int links = 0;
            for (Sheet sheet : wb) {
                assertThat(sheet.getSheetName().length()).isLessThanOrEqualTo(31);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell %s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue();
                            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                                assertThat(cell.getCellStyle().getQuotePrefixed())
                                        .as("cell %s!%s starting with %s must be quote-prefixed", sheet.getSheetName(), cell.getAddress(), text.charAt(0))
                                        .isTrue();
                            }
                        }
                        if (cell.getHyperlink() != null) {
                            assertThat(cell.getHyperlink().getAddress()).startsWith("http");
                            links++;
                        }
                    }
                }
            }
            assertThat(links).as("evidence hyperlinks").isGreaterThan(20);
        }
    }

    @Test
    void theRunIsStoredInTheDatabaseWithItsFindings() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT r.status, (SELECT COUNT(*) FROM run_agency a WHERE a.run_id = r.id), "
                             + "(SELECT COUNT(*) FROM finding f WHERE f.run_id = r.id), (SELECT COUNT(*) FROM page p WHERE p.run_id = r.id) FROM run r")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("DONE");
            assertThat(rs.getInt(2)).isEqualTo(findings.path("agencies").size());
            assertThat(rs.getInt(3)).isEqualTo(findings.path("agencies").size()
                    * RulePacks.loadShipped("cn-regulation-2019").items().size());
            assertThat(rs.getInt(4)).isGreaterThan(50);
        }
    }

    private static JsonNode agency(JsonNode root, String name) {
        return StreamSupport.stream(root.path("agencies").spliterator(), false)
                .filter(a -> a.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("agency missing from output: " + name));
    }

    private static String statusOf(JsonNode agency, String rule) {
        return StreamSupport.stream(agency.path("findings").spliterator(), false)
                .filter(f -> f.path("rule").asString().equals(rule))
                .map(f -> f.path("status").asString())
                .findFirst().orElse(null);
    }

    private static String decodedPath(String url) {
        return java.net.URLDecoder.decode(URI.create(url).getRawPath().replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.asString()));
        return s;
    }
}
