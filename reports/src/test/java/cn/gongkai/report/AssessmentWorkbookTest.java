package cn.gongkai.report;

import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class AssessmentWorkbookTest {

    /** 说明, 排名, 得分明细, 整改清单, 图表, 证据, then the scorecards. */
    static final int CARD = 6;

    @TempDir
    static Path dir;
    static XSSFWorkbook workbook;

    @BeforeAll
    static void writeSampleWorkbook() throws IOException {
        Path file = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(SampleReports.threeAgencies(), file);
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void sheetsAreNotesRankingThenOneScorecardPerAgencyInRankOrder() {
        assertThat(sheetNames()).hasSize(CARD + 3);
        assertThat(sheetNames().subList(0, CARD)).containsExactly("说明", "排名", "得分明细", "整改清单", "图表", "证据");
        assertThat(sheetNames().get(CARD)).isEqualTo("01 湖南省数字政务示范厅");
        assertThat(sheetNames().get(CARD + 1)).startsWith("02 长沙市_望城区");
        assertThat(sheetNames().get(CARD + 2)).isEqualTo("03 某某乡人民政府");
    }

    @Test
    void sheetNamesAreWithinExcelLimitsUniqueAndFreeOfForbiddenCharacters() {
        Set<String> seen = new HashSet<>();
        for (String name : sheetNames()) {
            assertThat(name.length()).isLessThanOrEqualTo(31);
            assertThat(name).isNotBlank()
                    .satisfies(n -> assertThat("[]:*?/\\".chars().noneMatch(c -> n.indexOf(c) >= 0)).isTrue());
            assertThat(seen.add(name.toLowerCase(Locale.ROOT))).as("unique: %s", name).isTrue();
            assertThatCode(() -> WorkbookUtil.validateSheetName(name)).doesNotThrowAnyException();
        }
    }

    @Test
    void rankingRowsShowTiedRanksScoresGradesAndReachability() {
        Sheet ranking = workbook.getSheet("排名");
        assertThat(texts(ranking.getRow(0))).containsExactly("排名", "层级内排名", "单位名称", "层级", "单位类型",
                "网站地址", "得分", "满分", "得分率", "等级", "一票否决", "否决原因", "站点可访问", "抓取页面数");

        Row first = ranking.getRow(1);
        Row second = ranking.getRow(2);
        Row third = ranking.getRow(3);
        assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
        assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(1);
        assertThat(third.getCell(0).getNumericCellValue()).isEqualTo(3);
        assertThat(first.getCell(2).getStringCellValue()).isEqualTo("湖南省数字政务示范厅");
        assertThat(second.getCell(2).getStringCellValue()).isEqualTo(SampleReports.LONG_NAME);
        assertThat(first.getCell(4).getStringCellValue()).isEqualTo("部门");
        assertThat(first.getCell(5).getHyperlink().getAddress()).isEqualTo("http://www.hunan.gov.cn/");
        assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(72.5);
        assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(100);
        assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(0.725);
        assertThat(first.getCell(8).getCellStyle().getDataFormatString()).contains("%");
        assertThat(first.getCell(9).getStringCellValue()).isEqualTo("合格");
        assertThat(first.getCell(10).getStringCellValue()).isEqualTo("否");
        assertThat(first.getCell(11)).as("no veto reason").isNull();
        assertThat(first.getCell(12).getStringCellValue()).isEqualTo("是");
        assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(42);

        assertThat(third.getCell(6).getNumericCellValue()).isZero();
        assertThat(third.getCell(9).getStringCellValue()).isEqualTo("不合格");
        assertThat(third.getCell(12).getStringCellValue()).isEqualTo("否");
        assertThat(third.getCell(13).getNumericCellValue()).isZero();
    }

    @Test
    void scorecardHasHeaderBlockThenOneRowPerEvidencePageWithClickableLinks() {
        Sheet card = workbook.getSheetAt(CARD);
        assertThat(card.getRow(0).getCell(1).getStringCellValue()).isEqualTo("湖南省数字政务示范厅");
        assertThat(card.getRow(1).getCell(1).getHyperlink().getAddress()).isEqualTo("http://www.hunan.gov.cn/");
        assertThat(card.getRow(2).getCell(1).getStringCellValue()).isEqualTo("72.5 / 100（得分率 72.5%，合格）");
        assertThat(card.getRow(3).getCell(1).getStringCellValue()).isEqualTo("第1名（省内第1名）");

        int header = ScorecardSheet.HEADER_ROW;
        assertThat(texts(card.getRow(header))).containsExactly("序号", "一级指标", "考察点", "评分细则", "检查情况", "得分",
                "满分", "状态", "证据", "WARC记录", "复核结论", "复核得分", "复核说明", "规则编号");

        Row met = card.getRow(header + 1);
        Row continuation = card.getRow(header + 2);
        assertThat(met.getCell(0).getNumericCellValue()).isEqualTo(1);
        assertThat(met.getCell(2).getStringCellValue()).isEqualTo("第12条 政府信息公开指南");
        assertThat(met.getCell(3).getStringCellValue()).startsWith("满分40分：符合得满分");
        assertThat(met.getCell(5).getNumericCellValue()).isEqualTo(40);
        assertThat(met.getCell(7).getStringCellValue()).isEqualTo("符合");
        assertThat(met.getCell(8).getHyperlink().getAddress()).isEqualTo(SampleReports.GUIDE_URL);
        assertThat(met.getCell(9).getStringCellValue()).isEqualTo("urn:uuid:0001");
        assertThat(met.getCell(10)).isNull();
        assertThat(met.getCell(11)).isNull();
        assertThat(met.getCell(12)).isNull();
        assertThat(met.getCell(13).getStringCellValue()).as("rule id for rescore").isNotBlank();

        assertThat(continuation.getCell(0).getNumericCellValue()).isEqualTo(1);
        assertThat(continuation.getCell(5)).as("score only on the finding's first row").isNull();
        assertThat(continuation.getCell(8).getHyperlink().getAddress()).isEqualTo(SampleReports.GUIDE_URL_2);
        assertThat(continuation.getCell(13).getStringCellValue()).isEqualTo(met.getCell(13).getStringCellValue());

        assertThat(card.getRow(header + 3).getCell(7).getStringCellValue()).isEqualTo("部分符合");
        assertThat(card.getRow(header + 4).getCell(8)).as("finding without evidence").isNull();
    }

    @Test
    void noCellAnywhereIsAFormula() {
        List<String> formulas = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }
        assertThat(formulas).isEmpty();
    }

    @Test
    void formulaLikePageTextIsKeptVerbatimAsQuotePrefixedText() {
        Sheet card = workbook.getSheetAt(CARD + 1);
        Row row = card.getRow(ScorecardSheet.HEADER_ROW + 1);

        Cell explanation = row.getCell(4);
        assertThat(explanation.getCellType()).isEqualTo(CellType.STRING);
        assertThat(explanation.getStringCellValue()).isEqualTo(SampleReports.FORMULA_EXPLANATION);
        assertThat(explanation.getCellStyle().getQuotePrefixed()).isTrue();
        assertThat(explanation.getHyperlink()).isNull();

        Cell item = row.getCell(2);
        assertThat(item.getStringCellValue()).isEqualTo("第49条 " + SampleReports.DASH_TITLE);

        Cell atSign = card.getRow(ScorecardSheet.HEADER_ROW + 2).getCell(4);
        assertThat(atSign.getStringCellValue()).isEqualTo("@指南内容齐全。");
        assertThat(atSign.getCellStyle().getQuotePrefixed()).isTrue();

        Cell ordinary = workbook.getSheetAt(CARD).getRow(ScorecardSheet.HEADER_ROW + 1).getCell(4);
        assertThat(ordinary.getCellStyle().getQuotePrefixed()).isFalse();
    }

    @Test
    void nonHttpUrlIsWrittenAsPlainTextWithoutALink() {
        Cell evidence = workbook.getSheetAt(CARD + 1).getRow(ScorecardSheet.HEADER_ROW + 1).getCell(8);
        assertThat(evidence.getStringCellValue()).isEqualTo(SampleReports.SCRIPT_URL);
        assertThat(evidence.getHyperlink()).isNull();
        for (Sheet sheet : workbook) {
            for (Hyperlink link : ((XSSFSheet) sheet).getHyperlinkList()) {
                assertThat(link.getAddress()).startsWith("http");
            }
        }
    }

    @Test
    void unreachableSiteScorecardSaysWhy() {
        Sheet card = workbook.getSheetAt(CARD + 2);
        assertThat(card.getRow(4).getCell(1).getStringCellValue()).isEqualTo("不可访问：连接超时");
        assertThat(card.getRow(ScorecardSheet.HEADER_ROW + 1).getCell(7).getStringCellValue()).isEqualTo("缺失");
    }

    @Test
    void tablesHaveFrozenHeaderAutofilterPrintTitlesAndFitToWidth() {
        for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            if (sheet.getSheetName().equals(ChartsSheet.NAME)) {
                continue;
            }
            int header = i < CARD ? 0 : ScorecardSheet.HEADER_ROW;
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A" + (header + 1) + ":");
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
        }
    }

    @Test
    void columnWidthsCountChineseCharactersDouble() {
        Sheet ranking = workbook.getSheet("排名");
        int nameWidth = ranking.getColumnWidth(2) / 256;
        assertThat(nameWidth).isGreaterThanOrEqualTo(40);
        assertThat(ranking.getColumnWidth(0) / 256).isLessThan(nameWidth);
    }

    @Test
    void notesSheetStatesPackScoringRuleWithActualPartialShareAndEveryStatus() {
        Sheet notes = workbook.getSheet("说明");
        assertThat(notes.getPaneInformation()).as("no frozen rows pinning the notes").isNull();
        List<String> all = new ArrayList<>();
        for (Row row : notes) {
            all.addAll(texts(row));
        }
        assertThat(all).contains("cn-regulation-2019", "政府信息公开条例（2019）测评", "2026-03-02",
                "run-20260302-001", "3");
        assertThat(all).anySatisfy(t -> assertThat(t).startsWith("每项按状态给分：符合得满分，部分符合得该项分值的一半"));
        for (FindingStatus status : FindingStatus.values()) {
            assertThat(all).contains(status.label(), status.name());
        }
    }

    private static List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (Sheet sheet : workbook) {
            names.add(sheet.getSheetName());
        }
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getCellType() == CellType.NUMERIC
                    ? ScorecardSheet.points(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return texts;
    }
}
