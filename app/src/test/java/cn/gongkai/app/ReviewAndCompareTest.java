package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review round-trip and year-over-year comparison through the real command line: two audits of the fixture sites
 * in different states (in the second, 湘江市统计局's site is back up and 湘江市教育局's is down), an assessor's
 * edits made with POI, {@code rescore}, {@code compare} and {@code audit --previous}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAndCompareTest {

    private static final String STATS = FixtureServer.UNREACHABLE_AGENCY;
    private static final String EDUCATION = "湘江市教育局";

    private final Path tmp = Path.of("target/review-compare-test").toAbsolutePath();
    private Path data;
    private FixtureServer server;
    private String runA;
    private String runB;
    private Path outA;
    private Path outB;

    @BeforeAll
    void twoAudits() throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        data = tmp.resolve("data");
        server = FixtureServer.start();
        Path listA = server.writeAgencyList(tmp.resolve("agencies-a.csv"));
        List<String> lines = Files.readAllLines(listA, StandardCharsets.UTF_8);
        String statsUrl = url(lines, STATS);
        String educationUrl = url(lines, EDUCATION);
        List<String> swapped = new ArrayList<>();
        for (String line : lines) {
            swapped.add(line.startsWith(STATS + ",") ? line.replace(statsUrl, educationUrl)
                    : line.startsWith(EDUCATION + ",") ? line.replace(educationUrl, statsUrl) : line);
        }
        Path listB = Files.write(tmp.resolve("agencies-b.csv"), swapped, StandardCharsets.UTF_8);

        outA = tmp.resolve("a");
        assertThat(run("audit", "--agencies", listA.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30",
                "--out", outA.toString(), "--delay-ms", "20", "--parallel", "6").exit).isZero();
        runA = latestRun();
        outB = tmp.resolve("b");
        assertThat(run("audit", "--agencies", listB.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30",
                "--out", outB.toString(), "--delay-ms", "20", "--parallel", "6", "--previous", runA).exit).isZero();
        runB = latestRun();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void auditWithPreviousMarksFixedAndRegressedItems() throws IOException {
        try (XSSFWorkbook wb = open(outB.resolve("assessment.xlsx"))) {
            assertChanges(wb);
        }
        assertThat(outB.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void compareWritesTheSameChangesForTwoStoredRuns() throws IOException {
        Path out = tmp.resolve("compare");
        Result r = run("compare", "--base", runA, "--run", runB, "--out", out.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("对比", STATS);
        try (XSSFWorkbook wb = open(out.resolve("comparison.xlsx"))) {
            assertChanges(wb);
        }
    }

    @Test
    void rescoreAppliesTheAssessorsConclusionsAndStoresWhoAndWhen() throws Exception {
        Path reviewed = edit(outA.resolve("assessment.xlsx"), wb -> {
            Sheet card = card(wb, STATS);
            Row row = card.getRow(7);
            row.createCell(col(card, "复核结论")).setCellValue("改为 符合");
            row.createCell(col(card, "复核说明")).setCellValue("网站当日维护，已现场核实指南。");
        });
        Path out = tmp.resolve("rescored");
        Result r = run("rescore", "--run", runA, "--reviewed", reviewed.toString(), "--reviewer", "测评员甲", "--out", out.toString());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("读取复核结论 1 项", "测评员甲");
        try (XSSFWorkbook wb = open(out.resolve("assessment-reviewed.xlsx"))) {
            Sheet card = card(wb, STATS);
            assertThat(card.getRow(2).getCell(1).getStringCellValue()).doesNotStartWith("0 /");
            assertThat(card.getRow(7).getCell(col(card, "状态")).getStringCellValue()).endsWith("（复核改定）");
        }
        try (Connection c = h2(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT reviewer, status, agency FROM review WHERE run_id = '" + runA + "' AND reviewer = '测评员甲'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("测评员甲");
            assertThat(rs.getString(2)).isEqualTo("MET");
            assertThat(rs.getString(3)).isEqualTo(STATS);
        }
        // Nothing collected changed: findings.json of the run is as the audit wrote it.
        assertThat(Files.readString(outA.resolve("findings.json"))).doesNotContain("复核");
    }

    @Test
    void compareCountsTheBaseRunsReviewedScores() throws IOException {
        String item;
        try (XSSFWorkbook wb = open(outA.resolve("assessment.xlsx"))) {
            Sheet card = card(wb, STATS);
            item = card.getRow(7).getCell(col(card, "考察点")).getStringCellValue();
        }
        // The same review as rescoreAppliesTheAssessorsConclusionsAndStoresWhoAndWhen, so test order does not matter.
        Path reviewed = edit(outA.resolve("assessment.xlsx"), wb -> {
            Sheet card = card(wb, STATS);
            card.getRow(7).createCell(col(card, "复核结论")).setCellValue("改为 符合");
            card.getRow(7).createCell(col(card, "复核说明")).setCellValue("网站当日维护，已现场核实指南。");
        });
        assertThat(run("rescore", "--run", runA, "--reviewed", reviewed.toString(), "--out", tmp.resolve("rescored-2").toString()).exit).isZero();

        Path out = tmp.resolve("compare-reviewed");
        Result r = run("compare", "--base", runA, "--run", runB, "--out", out.toString());
        assertThat(r.out).contains("含复核");
        try (XSSFWorkbook wb = open(out.resolve("comparison.xlsx"))) {
            Row stats = rowOf(wb.getSheet("进步与退步"), 1, STATS);
            assertThat(stats.getCell(9).getStringCellValue())
                    .as("met after review last time, met now: not a fix").doesNotContain(item + "：")
                    .contains("缺失→符合");
        }
    }

    @Test
    void rescoreRejectsATamperedLayoutWithAClearMessage() throws IOException {
        Path reviewed = edit(outA.resolve("assessment.xlsx"), wb -> {
            Sheet card = card(wb, EDUCATION);
            card.getRow(6).createCell(col(card, "复核得分")).setCellValue("分数");
        });
        Result r = run("rescore", "--run", runA, "--reviewed", reviewed.toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("单元格 L7", "表头已改动", "layout changed", EDUCATION);
    }

    @Test
    void pagesCarryTheirContentHashForTheEvidenceSheet() throws IOException {
        try (XSSFWorkbook wb = open(outA.resolve("assessment.xlsx"))) {
            Sheet evidence = wb.getSheet("证据");
            Row first = evidence.getRow(1);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(200);
            assertThat(first.getCell(6).getStringCellValue()).matches("[0-9a-f]{64}");
        }
    }

    private static void assertChanges(XSSFWorkbook wb) {
        Sheet changes = wb.getSheet("进步与退步");
        assertThat(changes).isNotNull();
        Row stats = rowOf(changes, 1, STATS);
        Row education = rowOf(changes, 1, EDUCATION);
        assertThat(stats.getCell(4).getNumericCellValue()).as("score change").isPositive();
        assertThat(stats.getCell(7).getNumericCellValue()).as("items fixed").isPositive();
        assertThat(stats.getCell(9).getStringCellValue()).contains("缺失→符合");
        assertThat(education.getCell(4).getNumericCellValue()).isNegative();
        assertThat(education.getCell(8).getNumericCellValue()).as("items newly failing").isPositive();
        assertThat(education.getCell(10).getStringCellValue()).contains("符合→缺失");
        assertThat(education.getCell(6).getStringCellValue()).startsWith("下降");
    }

    private static Row rowOf(Sheet sheet, int col, String text) {
        for (Row row : sheet) {
            Cell c = row.getCell(col);
            if (c != null && text.equals(c.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(text + " not in " + sheet.getSheetName());
    }

    private static Sheet card(XSSFWorkbook wb, String agency) {
        for (Sheet s : wb) {
            Row r = s.getRow(0);
            if (r != null && r.getCell(1) != null && agency.equals(r.getCell(1).getStringCellValue())
                    && "单位名称".equals(r.getCell(0).getStringCellValue())) {
                return s;
            }
        }
        throw new AssertionError("no scorecard for " + agency);
    }

    private static int col(Sheet card, String header) {
        for (Cell c : card.getRow(6)) {
            if (header.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError(header);
    }

    private Path edit(Path workbook, Consumer<XSSFWorkbook> change) throws IOException {
        Path out = Files.createTempFile(tmp, "reviewed", ".xlsx");
        try (XSSFWorkbook wb = open(workbook)) {
            change.accept(wb);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs one command as the launcher would, capturing what it prints. */
    private Result run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("gongkai.data-dir", data.toString());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.clearProperty("gongkai.data-dir");
        }
    }

    private String latestRun() {
        try (Connection c = h2(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM run ORDER BY started_at DESC")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Connection h2() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    private static String url(List<String> lines, String agency) {
        return lines.stream().filter(l -> l.startsWith(agency + ",")).findFirst().orElseThrow().split(",")[1];
    }
}
