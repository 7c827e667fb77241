package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeCaseWorkbookTest {

    @TempDir
    Path dir;

    /** What a process killed while writing the workbook leaves (see ResumeAuditTest) is replaced by the next write. */
    @Test
    void leftoversOfAKilledWriteAreReplacedAndOnlyTheOutputsRemain() throws IOException {
        Files.writeString(dir.resolve("assessment.xlsx.part"), "half a workbook");
        Files.createDirectories(dir.resolve("assessment.xlsx.tmp"));
        Files.writeString(dir.resolve("assessment.xlsx.tmp/poi-sxssf-sheet1.xml"), "<row");
        new ReportWriter().writeAll(SampleReports.threeAgencies(), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("assessment.xlsx", "facts.json", "findings.json", "report.html");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("assessment.xlsx")))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(AssessmentWorkbookTest.CARD + 3);
        }
    }

    @Test
    void reportWithoutAgenciesStillHasNotesAndRanking() throws IOException {
        AuditReport empty = new AuditReport("r", "p", "t", "s", LocalDate.of(2026, 1, 1), null, List.of());
        try (XSSFWorkbook wb = write(empty)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(AssessmentWorkbookTest.CARD);
            assertThat(wb.getSheet("排名").getLastRowNum()).isZero();
        }
    }

    @Test
    void formulaLikeAgencyNameAndUrlStayTextInSheetNameRankingAndScorecard() throws IOException {
        String name = "=1+2 某局";
        AgencyResult agency = new AgencyResult(new Agency(name, "+javascript:x", AgencyType.DEPARTMENT, null),
                null, List.of(), List.of(new Finding("R", null, "-标题", null, FindingStatus.MISSING, 5, 0,
                null, "+说明")), 0, 5, 1, 1);
        AuditReport report = new AuditReport("r", "p", "t", "s", LocalDate.of(2026, 1, 1), null, List.of(agency));
        try (XSSFWorkbook wb = write(report)) {
            assertThat(wb.getSheetName(AssessmentWorkbookTest.CARD)).isEqualTo("01 =1+2 某局");
            Cell rankingName = wb.getSheet("排名").getRow(1).getCell(2);
            assertThat(rankingName.getStringCellValue()).isEqualTo(name);
            assertThat(rankingName.getCellStyle().getQuotePrefixed()).isTrue();
            Cell url = wb.getSheet("排名").getRow(1).getCell(5);
            assertThat(url.getHyperlink()).isNull();
            assertThat(url.getCellStyle().getQuotePrefixed()).isTrue();

            Cell item = wb.getSheetAt(AssessmentWorkbookTest.CARD).getRow(ScorecardSheet.HEADER_ROW + 1).getCell(2);
            assertThat(item.getStringCellValue()).isEqualTo("-标题");
            assertThat(item.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(wb.getSheetAt(AssessmentWorkbookTest.CARD).getRow(4).getCell(1).getStringCellValue()).isEqualTo("未记录");
        }
    }

    @Test
    void spooledLinksKeepAmpersandsAndApostrophesAndLandOnTheirCells() throws IOException {
        String url = "http://a.example.gov.cn/list?x=1&y='2'&z=<3>";
        String plain = "http://a.example.gov.cn/list?x=1&y='2'";
        AgencyResult agency = new AgencyResult(new Agency("甲局", plain, AgencyType.DEPARTMENT, null), null, List.of(),
                List.of(new Finding("R", "第1条", "标题", "区", FindingStatus.MET, 5, 5,
                        List.of(new cn.gongkai.engine.fact.Evidence(plain, null, "urn:uuid:1", null)), "有")), 5, 5, 1, 1);
        AuditReport report = new AuditReport("r", "p", "t", "s", LocalDate.of(2026, 1, 1), null, List.of(agency));
        try (XSSFWorkbook wb = write(report)) {
            assertThat(SafeText.httpUrl(url)).as("angle brackets are no URL").isEmpty();
            var card = wb.getSheetAt(AssessmentWorkbookTest.CARD);
            assertThat(card.getRow(1).getCell(1).getHyperlink().getAddress()).isEqualTo(plain);
            assertThat(card.getRow(ScorecardSheet.HEADER_ROW + 1).getCell(8).getHyperlink().getAddress()).isEqualTo(plain);
            assertThat(card.getHyperlinkList()).hasSize(2);
            assertThat(wb.getSheet("排名").getRow(1).getCell(5).getHyperlink().getAddress()).isEqualTo(plain);
            assertThat(wb.getSheet("证据").getRow(1).getCell(2).getHyperlink().getAddress()).isEqualTo(plain);
        }
    }

    private XSSFWorkbook write(AuditReport report) throws IOException {
        Path file = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(report, file);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
