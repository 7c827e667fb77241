package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assessor's review, written into the workbook with POI the way Excel would, read back and rescored. */
class ReviewRoundTripTest {

    static final int CONCLUSION = 10;
    static final int POINTS = 11;
    static final int NOTE = 12;
    static final int RULE = 13;

    @TempDir
    Path dir;
    AuditReport report;
    Path written;

    @BeforeEach
    void writeWorkbook() {
        report = SampleReports.withPack(SampleReports.threeAgencies());
        written = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(report, written);
    }

    @Test
    void overridesChangeScoresAndRanksAndConfirmationsKeepThem() throws IOException {
        Path reviewed = edit(wb -> {
            Sheet hunan = wb.getSheetAt(AssessmentWorkbookTest.CARD);
            // Row 1 (REG2019-12, two evidence rows) confirmed; 第49条 PARTIAL → MET; 第20条 needs review → 部分符合 with 6 points.
            set(row(hunan, "REG2019-12"), CONCLUSION, "确认");
            set(row(hunan, "REG2019-49"), CONCLUSION, "改为 符合");
            set(row(hunan, "REG2019-49"), NOTE, "年报4月2日为网站迁移后重发，原件3月28日已公开。");
            Row needsReview = row(hunan, "REG2019-20");
            set(needsReview, CONCLUSION, "改为 部分符合");
            needsReview.createCell(POINTS).setCellValue(6);
        });
        List<Review> reviews = ReviewRoundTrip.read(reviewed, report);
        assertThat(reviews).hasSize(3);
        assertThat(reviews).filteredOn(Review::confirmed).singleElement()
                .satisfies(r -> assertThat(r.cell()).endsWith("!K8"));

        AuditReport after = ReviewRoundTrip.apply(report, reviews);
        AgencyResult hunan = after.agencies().get(0);
        assertThat(hunan.agency().name()).isEqualTo("湖南省数字政务示范厅");
        assertThat(hunan.score()).isEqualTo(40 + 50 + 6);
        assertThat(hunan.rank()).isEqualTo(1);
        assertThat(after.agencies().get(1).rank()).as("the tie is broken by the review").isEqualTo(2);
        Finding annual = hunan.findings().stream().filter(f -> f.rule().equals("REG2019-49")).findFirst().orElseThrow();
        assertThat(annual.status()).isEqualTo(FindingStatus.MET);
        assertThat(annual.evidence()).as("collected evidence unchanged").hasSize(1);

        Path rescored = dir.resolve("reviewed.xlsx");
        new ReportWriter().writeWorkbook(after, ReportContext.none().withReviews(reviews, "张三", null), rescored);
        try (XSSFWorkbook wb = open(rescored)) {
            Sheet card = wb.getSheetAt(AssessmentWorkbookTest.CARD);
            Row row = row(card, "REG2019-49");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("符合（复核改定）");
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(50);
            assertThat(row.getCell(CONCLUSION).getStringCellValue()).isEqualTo("改为 符合");
            assertThat(row.getCell(CONCLUSION).getCellStyle().getFillPattern().getCode()).as("marked").isNotZero();
            assertThat(row.getCell(NOTE).getStringCellValue()).startsWith("年报4月2日");
            assertThat(card.getRow(2).getCell(1).getStringCellValue()).startsWith("96 / 100");
            assertThat(wb.getSheet("排名").getRow(2).getCell(0).getNumericCellValue()).isEqualTo(2);
            // The rescored workbook reads back to the same reviews: a second round starts from it.
            assertThat(ReviewRoundTrip.read(rescored, report)).hasSize(3);
        }
    }

    @Test
    void notApplicableLeavesTheFullMarks() throws IOException {
        Path reviewed = edit(wb -> set(row(wb.getSheetAt(AssessmentWorkbookTest.CARD + 2), "REG2019-12"), CONCLUSION, "改为 不适用"));
        AuditReport after = ReviewRoundTrip.apply(report, ReviewRoundTrip.read(reviewed, report));
        AgencyResult xiang = after.agencies().stream().filter(a -> a.agency().name().equals("某某乡人民政府")).findFirst().orElseThrow();
        assertThat(xiang.maxScore()).isZero();
    }

    @Test
    void renamedHeaderIsRejectedNamingSheetAndCell() throws IOException {
        Path reviewed = edit(wb -> set(wb.getSheetAt(AssessmentWorkbookTest.CARD + 1).getRow(ScorecardSheet.HEADER_ROW), CONCLUSION, "意见"));
        String sheet = report.agencies().size() > 1 ? nameOf(reviewed, AssessmentWorkbookTest.CARD + 1) : "";
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("工作表“" + sheet + "”单元格 K7")
                .hasMessageContaining("表头已改动")
                .hasMessageContaining("layout changed");
    }

    @Test
    void insertedColumnIsRejected() throws IOException {
        Path reviewed = edit(wb -> {
            Sheet card = wb.getSheetAt(AssessmentWorkbookTest.CARD);
            card.shiftColumns(2, 13, 1);
        });
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report))
                .isInstanceOf(ReviewException.class).hasMessageContaining("C7");
    }

    @Test
    void deletedScorecardIsRejected() throws IOException {
        Path reviewed = edit(wb -> wb.removeSheetAt(AssessmentWorkbookTest.CARD + 2));
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("缺少单位“某某乡人民政府”的得分卡")
                .hasMessageContaining("sheet deleted");
    }

    @Test
    void textInThePointsColumnIsRejected() throws IOException {
        Path reviewed = edit(wb -> {
            Row row = row(wb.getSheetAt(AssessmentWorkbookTest.CARD), "REG2019-49");
            set(row, CONCLUSION, "改为 部分符合");
            set(row, POINTS, "三十分");
        });
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report))
                .isInstanceOf(ReviewException.class)
                .hasMessageContaining("L10").hasMessageContaining("三十分").hasMessageContaining("must be a number");
    }

    @Test
    void pointsOutOfRangeAreRejected() throws IOException {
        Path reviewed = edit(wb -> {
            Row row = row(wb.getSheetAt(AssessmentWorkbookTest.CARD), "REG2019-49");
            set(row, CONCLUSION, "改为 部分符合");
            row.createCell(POINTS).setCellValue(80);
        });
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report))
                .isInstanceOf(ReviewException.class).hasMessageContaining("超出范围").hasMessageContaining("0 至 50");
    }

    @Test
    void unknownRuleAndUnknownAgencyAndUnknownConclusionAreRejected() throws IOException {
        Path rule = edit(wb -> set(row(wb.getSheetAt(AssessmentWorkbookTest.CARD), "REG2019-49"), RULE, "REG2019-99"));
        assertThatThrownBy(() -> ReviewRoundTrip.read(rule, report)).hasMessageContaining("REG2019-99").hasMessageContaining("N10");

        Path agency = edit(wb -> set(wb.getSheetAt(AssessmentWorkbookTest.CARD).getRow(0), 1, "不存在的局"));
        assertThatThrownBy(() -> ReviewRoundTrip.read(agency, report)).hasMessageContaining("不存在的局").hasMessageContaining("B1");

        Path conclusion = edit(wb -> set(row(wb.getSheetAt(AssessmentWorkbookTest.CARD), "REG2019-49"), CONCLUSION, "同意"));
        assertThatThrownBy(() -> ReviewRoundTrip.read(conclusion, report)).hasMessageContaining("无法识别的复核结论“同意”");
    }

    @Test
    void confirmingAnItemThatNeedsReviewIsRejected() throws IOException {
        Path reviewed = edit(wb -> set(row(wb.getSheetAt(AssessmentWorkbookTest.CARD), "REG2019-20"), CONCLUSION, "确认"));
        assertThatThrownBy(() -> ReviewRoundTrip.read(reviewed, report)).hasMessageContaining("待人工复核项不能“确认”");
    }

    private Path edit(Consumer<XSSFWorkbook> change) throws IOException {
        Path out = Files.createTempFile(dir, "reviewed", ".xlsx");
        try (XSSFWorkbook wb = open(written)) {
            change.accept(wb);
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        return out;
    }

    private static String nameOf(Path file, int index) {
        try (XSSFWorkbook wb = open(file)) {
            return wb.getSheetName(index);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The first row of the finding with this rule id. */
    static Row row(Sheet card, String rule) {
        for (int r = ScorecardSheet.HEADER_ROW + 1; r <= card.getLastRowNum(); r++) {
            Cell cell = card.getRow(r).getCell(RULE);
            if (cell != null && rule.equals(cell.getStringCellValue())) {
                return card.getRow(r);
            }
        }
        throw new AssertionError("no row for " + rule + " in " + card.getSheetName());
    }

    /**
     * Replaces a cell's value the way Excel saves an edit. (The workbook's strings are inline; POI's
     * {@code setCellValue} on an existing inline-string cell keeps the old text, so the cell is made afresh.)
     */
    private static void set(Row row, int col, String text) {
        row.createCell(col).setCellValue(text);
    }
}
