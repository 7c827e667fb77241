package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sheets beyond ranking and scorecards: 得分明细, 整改清单, 证据, 图表, 进步与退步, and report.html. */
class WorkbookSheetsTest {

    @TempDir
    static Path dir;
    static AuditReport report;
    static AuditReport previous;
    static XSSFWorkbook workbook;
    static String html;

    @BeforeAll
    static void write() throws IOException {
        report = SampleReports.withPack(SampleReports.threeAgencies());
        previous = lastYear(report);
        ReportContext context = ReportContext.none()
                .withPages(Map.of("urn:uuid:0001", new EvidencePage("urn:uuid:0001", SampleReports.GUIDE_URL, 200,
                        "ab".repeat(32), Instant.parse("2026-03-02T01:30:00Z"))))
                .withPrevious(previous);
        new ReportWriter().writeAll(report, context, dir);
        workbook = ReviewRoundTripTest.open(dir.resolve(ReportWriter.WORKBOOK));
        html = Files.readString(dir.resolve(ReportWriter.HTML));
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    /** Last year: 湖南 had 第49条 met (so it regressed) and 第12条 missing (so it fixed it); ranked 2nd. */
    static AuditReport lastYear(AuditReport now) {
        List<AgencyResult> agencies = new ArrayList<>();
        for (AgencyResult a : now.agencies()) {
            if (!a.agency().name().equals("湖南省数字政务示范厅")) {
                continue;
            }
            List<Finding> findings = a.findings().stream().map(f -> switch (f.rule()) {
                case "REG2019-49" -> new Finding(f.rule(), f.item(), f.title(), f.area(), FindingStatus.MET, 50, 50, f.evidence(), "按期发布。");
                case "REG2019-12" -> new Finding(f.rule(), f.item(), f.title(), f.area(), FindingStatus.MISSING, 40, 0, List.of(), "未找到。");
                default -> f;
            }).toList();
            agencies.add(new AgencyResult(a.agency(), a.visit(), List.of(), findings, 57.5, 100, 2, 1));
        }
        return new AuditReport("run-2025", now.packId(), now.packTitle(), now.packSource(), now.asOf().minusYears(1),
                null, agencies);
    }

    @Test
    void sheetOrderIncludesChangesWhenCompared() {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        assertThat(names.subList(0, 7)).containsExactly("说明", "排名", "得分明细", "整改清单", "进步与退步", "图表", "证据");
    }

    @Test
    void matrixHasOneColumnPerItemGroupedByAreaWithSubtotalsAndConditionalFormatting() {
        XSSFSheet matrix = workbook.getSheet("得分明细");
        Row header = matrix.getRow(0);
        List<String> headers = new ArrayList<>();
        header.forEach(c -> headers.add(c.getStringCellValue()));
        assertThat(headers.get(0)).isEqualTo("排名");
        assertThat(headers.get(3)).startsWith("第12条（40分）");
        assertThat(headers).contains("小计：政务公开平台建设", "小计：执行和结果公开", "总分", "满分");
        Row hunan = matrix.getRow(1);
        assertThat(hunan.getCell(1).getStringCellValue()).isEqualTo("湖南省数字政务示范厅");
        assertThat(hunan.getCell(3).getNumericCellValue()).isEqualTo(40);
        assertThat(hunan.getCell(headers.indexOf("总分")).getNumericCellValue()).isEqualTo(72.5);
        Row wangcheng = matrix.getRow(2);
        int na = headers.indexOf(headers.stream().filter(h -> h.startsWith("(十六)")).findFirst().orElseThrow());
        assertThat(wangcheng.getCell(na).getStringCellValue()).isEqualTo("不适用");
        assertThat(matrix.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
    }

    @Test
    void fixListOrdersEachAgencysItemsByPointsRecoverableWithBasis() {
        Sheet fixes = workbook.getSheet("整改清单");
        Row first = fixes.getRow(1);
        Row second = fixes.getRow(2);
        assertThat(first.getCell(0).getStringCellValue()).isEqualTo("湖南省数字政务示范厅");
        assertThat(first.getCell(3).getStringCellValue()).startsWith("第49条");
        assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(25);
        assertThat(first.getCell(7).getStringCellValue()).isEqualTo("《条例》第49条的规定。");
        assertThat(second.getCell(3).getStringCellValue()).startsWith("第20条");
        assertThat(second.getCell(5).getNumericCellValue()).isEqualTo(2.5);
    }

    @Test
    void evidenceSheetListsEveryEvidencePageWithStatusHashAndRecord() {
        Sheet evidence = workbook.getSheet("证据");
        Row first = evidence.getRow(1);
        assertThat(first.getCell(2).getHyperlink().getAddress()).isEqualTo(SampleReports.GUIDE_URL);
        assertThat(first.getCell(4).getStringCellValue()).isEqualTo("2026-03-02 09:30:00");
        assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(200);
        assertThat(first.getCell(6).getStringCellValue()).isEqualTo("ab".repeat(32));
        assertThat(first.getCell(7).getStringCellValue()).isEqualTo("urn:uuid:0001");
        assertThat(evidence.getLastRowNum()).as("one row per evidence page").isEqualTo(5);
    }

    @Test
    void chartsSheetHasTwoColumnChartsWithValueLabels() {
        XSSFSheet charts = workbook.getSheet("图表");
        List<XSSFChart> list = charts.getDrawingPatriarch().getCharts();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).getTitleText().getString()).isEqualTo("得分分布（按得分率区间）");
        assertThat(list.get(1).getTitleText().getString()).isEqualTo("各一级指标平均得分率");
        assertThat(list.get(0).getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getDLbls().getShowVal().getVal()).isTrue();
        assertThat(charts.getRow(8).getCell(1).getNumericCellValue()).as("two agencies at 72.5%").isEqualTo(2);
    }

    @Test
    void comparisonMarksFixedAndRegressedItemsAndRankChange() {
        Sheet changes = workbook.getSheet("进步与退步");
        Row hunan = changes.getRow(1);
        assertThat(hunan.getCell(1).getStringCellValue()).isEqualTo("湖南省数字政务示范厅");
        assertThat(hunan.getCell(4).getNumericCellValue()).isEqualTo(15);
        assertThat(hunan.getCell(6).getStringCellValue()).isEqualTo("上升1名");
        assertThat(hunan.getCell(7).getNumericCellValue()).isEqualTo(1);
        assertThat(hunan.getCell(8).getNumericCellValue()).isEqualTo(1);
        assertThat(hunan.getCell(9).getStringCellValue()).isEqualTo("第12条 政府信息公开指南：缺失→符合（0→40分）");
        assertThat(hunan.getCell(10).getStringCellValue()).isEqualTo("第49条 年度报告按期发布：符合→部分符合（50→25分）");
        assertThat(changes.getRow(2).getCell(6).getStringCellValue()).isEqualTo("上次未测评");

        Sheet ranking = workbook.getSheet("排名");
        List<String> headers = new ArrayList<>();
        ranking.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        assertThat(headers).endsWith("上次得分", "得分变化", "上次排名", "排名变化");
        assertThat(ranking.getRow(1).getCell(headers.indexOf("得分变化")).getNumericCellValue()).isEqualTo(15);

        Sheet card = workbook.getSheetAt(7);
        List<String> cardHeaders = new ArrayList<>();
        card.getRow(ScorecardSheet.HEADER_ROW).forEach(c -> cardHeaders.add(c.getStringCellValue()));
        assertThat(cardHeaders).isEqualTo(ScorecardSheet.headers(true)).contains("上次状态", "得分变化");
    }

    @Test
    void htmlIsSelfContainedAndEscapesPageText() {
        assertThat(html).contains("<h2>排名</h2>", "湖南省数字政务示范厅", "某某乡人民政府");
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=\"javascript:");
        assertThat(html).startsWith("<!DOCTYPE html>");
        // The javascript: evidence URL is shown as text, never a link.
        assertThat(html).contains(SampleReports.SCRIPT_URL).doesNotContain("href=\"" + SampleReports.SCRIPT_URL);
    }

    @Test
    void htmlEscapesMarkupInAgencyNames() throws IOException {
        AuditReport hostile = new AuditReport("r", "p", "t", "s", report.asOf(), null, List.of(
                new AgencyResult(new cn.gongkai.engine.fact.Agency("<img src=x onerror=alert(1)>局", "http://a.example/",
                        cn.gongkai.engine.fact.AgencyType.DEPARTMENT, null), null, List.of(),
                        List.of(new Finding("R", "第1条", "</td><script>alert(2)</script>", null, FindingStatus.MISSING, 5, 0,
                                List.of(), "<b>未找到</b>")), 0, 5, 1, 1)));
        Path file = dir.resolve("hostile.html");
        new ReportWriter().writeHtml(hostile, ReportContext.none(), file);
        String page = Files.readString(file);
        assertThat(page).doesNotContain("<img", "<script", "<b>").contains("&lt;img src=x onerror=alert(1)&gt;局",
                "&lt;/td&gt;&lt;script&gt;");
    }
}
