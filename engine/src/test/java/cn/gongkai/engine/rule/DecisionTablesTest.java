package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.SiteVisit;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decision tables in rule packs: a good table scores like DRL; every broken one is named by file, sheet and cell. */
class DecisionTablesTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            id: t
            title: 决策表测试
            source: 测试
            rules: [%s]
            items:
              - {id: T-SITE, item: 第1条, title: 网站可访问, area: 平台, points: 10, check: auto, basis: 第一条}
              - {id: T-SLOW, item: 第2条, title: 抓取失败少, area: 平台, points: 5, check: auto, basis: 第二条}
            """;

    /** A well-formed table, rows 1–12 (Excel numbering): RuleSet area, then RuleTable at B5. */
    private static String[][] goodTable() {
        return new String[][]{
                {"", "RuleSet", "t.tables"},
                {"", "Import", "cn.gongkai.engine.fact.SiteVisit, cn.gongkai.engine.rule.FindingStatus"},
                {"", "Variables", "cn.gongkai.engine.rule.PackContext ctx"},
                {},
                {"", "RuleTable 网站"},
                {"", "METADATA", "CONDITION", "CONDITION", "ACTION", "ACTION"},
                {"", "", "$v : SiteVisit", "SiteVisit", "", ""},
                {"", "id(\"$param\")", "reachable == $param", "failures <= $param", "String explanation = \"$param\";",
                        "ctx.record(drools.getRule(), FindingStatus.$param, explanation);"},
                {"", "条目", "可访问", "失败数上限", "说明", "结论"},
                {"", "T-SITE", "true", "1000", "可访问", "MET"},
                {"", "T-SITE", "false", "1000", "不可访问", "VIOLATION"},
                {"", "T-SLOW", "true", "2", "失败少", "MET"},
        };
    }

    private static byte[] xlsx(String[][] rows, Consumer<XSSFWorkbook> edit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("规则");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            edit.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Path pack(String name, String file, byte[] table) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pack.yaml"), YAML.formatted(file));
        Files.write(folder.resolve(file), table);
        return folder;
    }

    private static String[][] with(String[][] rows, int excelRow, int column, String value) {
        String[][] copy = Arrays.stream(rows).map(String[]::clone).toArray(String[][]::new);
        copy[excelRow - 1][column] = value;
        return copy;
    }

    private List<String> problems(String[][] rows) throws IOException {
        return problems(xlsx(rows, wb -> { }));
    }

    private List<String> problems(byte[] bytes) throws IOException {
        return RulePacks.validate(pack("p" + System.nanoTime(), "表.xlsx", bytes)).stream().map(PackProblem::toString).toList();
    }

    private static AgencyFacts site(boolean reachable, int failures) {
        return new AgencyFacts(new Agency("测试局", "http://t/", AgencyType.DEPARTMENT, null),
                new SiteVisit("http://t/", reachable, 10, failures, reachable ? null : "refused"), List.of(), List.of());
    }

    @Test
    void aTableScoresEachRowAsARuleAndTheItemIdComesFromItsMetadataColumn() throws IOException {
        Path folder = pack("good", "表.xlsx", xlsx(goodTable(), wb -> { }));
        assertThat(RulePacks.validate(folder)).isEmpty();
        RulePack pack = RulePacks.load(folder);
        assertThat(pack.rules()).containsOnlyKeys("表.xlsx!规则");
        RuleEvaluator evaluator = new RuleEvaluator(pack);
        List<Finding> ok = evaluator.evaluate(site(true, 1), LocalDate.of(2025, 9, 30));
        assertThat(ok).extracting(Finding::status).containsExactly(FindingStatus.MET, FindingStatus.MET);
        assertThat(ok.get(0).explanation()).isEqualTo("可访问");
        List<Finding> down = evaluator.evaluate(site(false, 5), LocalDate.of(2025, 9, 30));
        assertThat(down).extracting(Finding::status).containsExactly(FindingStatus.VIOLATION, FindingStatus.NEEDS_REVIEW);
    }

    private static byte[] csv(String[][] rows) {
        StringBuilder csv = new StringBuilder();
        for (String[] row : rows) {
            csv.append(String.join(",", Arrays.stream(row).map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())).append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenCsvTableIsReportedNamingTheFileAndTheRow() throws IOException {
        List<String> badCode = RulePacks.validate(pack("csv-bad-code", "表.csv",
                        csv(with(goodTable(), 8, 5, "ctx.record(drools.getRule(), FindingStatus.$param, explanation"))))
                .stream().map(PackProblem::toString).toList();
        assertThat(badCode).isNotEmpty().allSatisfy(p -> assertThat(p).contains("表.csv").containsPattern("决策表第 1[0-2] 行"));
        List<String> noTable = RulePacks.validate(pack("csv-no-table", "表.csv", csv(new String[][]{{"条目", "分值"}, {"T-1", "10"}})))
                .stream().map(PackProblem::toString).toList();
        assertThat(noTable).isNotEmpty().allSatisfy(p -> assertThat(p).contains("表.csv"));
    }

    @Test
    void aCsvTableWorksLikeAWorkbook() throws IOException {
        Path folder = pack("csv", "表.csv", csv(goodTable()));
        assertThat(RulePacks.validate(folder)).isEmpty();
        assertThat(new RuleEvaluator(RulePacks.load(folder)).evaluate(site(true, 0), LocalDate.of(2025, 9, 30)))
                .extracting(Finding::status).containsExactly(FindingStatus.MET, FindingStatus.MET);
    }

    @Test
    void aSheetWithRuleSetButNoRuleTableIsNotATable() throws IOException {
        assertThat(problems(with(goodTable(), 5, 1, "Rules 网站")))
                .anySatisfy(p -> assertThat(p).contains("表.xlsx:规则!B1").contains("没有 RuleTable").contains("RuleSet without a RuleTable"));
    }

    @Test
    void aTableWithoutRuleSetIsNamedAtItsRuleTableCell() throws IOException {
        assertThat(problems(with(goodTable(), 1, 1, "")))
                .singleElement().satisfies(p -> assertThat(p).contains("表.xlsx:规则!B5").contains("缺少 RuleSet").contains("no RuleSet"));
    }

    @Test
    void aConditionColumnWithoutAnObjectTypeFailsAtEveryRuleRow() throws IOException {
        List<String> problems = problems(with(goodTable(), 7, 2, ""));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("表.xlsx:规则!B10").contains("决策表第 10 行").contains("row 10 of the decision table");
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("规则!B12"));
    }

    @Test
    void aBadCodeSnippetIsReportedAtTheRowsOfItsRules() throws IOException {
        List<String> problems = problems(with(goodTable(), 8, 5, "ctx.record(drools.getRule(), FindingStatus.$param, explanation"));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).containsPattern("表\\.xlsx:规则!B1[0-2]"));
    }

    @Test
    void aValueThatBreaksItsRuleNamesThatRowOnly() throws IOException {
        assertThat(problems(with(goodTable(), 11, 2, "maybe")))
                .singleElement().satisfies(p -> assertThat(p).contains("规则!B11").contains("决策表第 11 行"));
    }

    @Test
    void aMisspelledColumnKindIsNamedAtItsCell() throws IOException {
        // Drools reads a column kind by its first letter (CONDITON is a CONDITION); one it cannot read is named.
        assertThat(problems(with(goodTable(), 6, 3, "KONDITION")))
                .singleElement().satisfies(p -> assertThat(p).contains("表.xlsx:规则!D6").contains("列头不是 CONDITION")
                        .contains("Invalid column header"));
    }

    @Test
    void aSnippetInTheObjectTypeRowMeansTheRowIsMissing() throws IOException {
        assertThat(problems(with(goodTable(), 7, 3, "failures <= $param")))
                .singleElement().satisfies(p -> assertThat(p).contains("规则!D7").contains("对象类型行"));
    }

    @Test
    void anEmptyCodeCellIsNamed() throws IOException {
        // Drools itself would drop the column's values without a word.
        assertThat(problems(with(goodTable(), 8, 3, ""))).singleElement()
                .satisfies(p -> assertThat(p).contains("表.xlsx:规则!D8").contains("代码行").contains("empty code cell"));
    }

    @Test
    void headerCellsMergedAcrossRowsAreRejected() throws IOException {
        byte[] merged = xlsx(goodTable(), wb -> wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(5, 6, 4, 4)));
        assertThat(problems(merged)).anySatisfy(p -> assertThat(p).contains("表.xlsx:规则!E6:E7").contains("跨行合并"));
    }

    @Test
    void aHeaderShiftedDownALeavesTheColumnKindRowEmpty() throws IOException {
        String[][] rows = goodTable();
        String[][] shifted = new String[rows.length + 1][];
        System.arraycopy(rows, 0, shifted, 0, 5);
        shifted[5] = new String[]{};
        System.arraycopy(rows, 5, shifted, 6, rows.length - 5);
        assertThat(problems(shifted)).anySatisfy(p -> assertThat(p).contains("规则!B6").contains("列头"));
    }

    @Test
    void aWorkbookWithoutAnyTableSaysSo() throws IOException {
        assertThat(problems(new String[][]{{"单位", "分值"}, {"湘江市", "10"}}))
                .singleElement().satisfies(p -> assertThat(p).contains("表.xlsx：工作簿中没有决策表").contains("no decision table"));
    }

    @Test
    void aNoteSheetBesideTheTableIsIgnored() throws IOException {
        byte[] withNotes = xlsx(goodTable(), wb -> wb.createSheet("说明").createRow(0).createCell(0).setCellValue("改分值请改 pack.yaml"));
        assertThat(problems(withNotes)).isEmpty();
    }

    @Test
    void aCorruptOrPasswordProtectedWorkbookIsRejectedAsSuch() throws IOException {
        byte[] good = xlsx(goodTable(), wb -> { });
        assertThat(problems(Arrays.copyOf(good, good.length / 2)))
                .singleElement().satisfies(p -> assertThat(p).contains("表.xlsx：不是有效的 Excel 文件").contains("corrupt"));
        assertThat(problems("这不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .singleElement().satisfies(p -> assertThat(p).contains("不是有效的 Excel 文件"));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(good);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            fs.writeFilesystem(encrypted);
        }
        assertThat(problems(encrypted.toByteArray()))
                .singleElement().satisfies(p -> assertThat(p).contains("表.xlsx：Excel 文件有密码保护").contains("password-protected"));
    }

    @Test
    void anItemIdPackYamlLacksIsNamedAtTheRowsCell() throws IOException {
        assertThat(problems(with(goodTable(), 12, 1, "T-NONE")))
                .anySatisfy(p -> assertThat(p).contains("表.xlsx:规则!B12").contains("T-NONE").contains("不在 pack.yaml 中"));
    }

    @Test
    void everyBrokenTableAndSheetIsListedAtOnceAndLoadingFailsWithAllOfThem() throws IOException {
        byte[] twoBroken = xlsx(with(goodTable(), 6, 3, "KONDITION"), wb -> {
            XSSFSheet second = wb.createSheet("第二张");
            second.createRow(0).createCell(1).setCellValue("RuleSet");
            second.getRow(0).createCell(2).setCellValue("t.second");
        });
        List<String> problems = problems(twoBroken);
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("表.xlsx:规则!D6"))
                .anySatisfy(p -> assertThat(p).contains("表.xlsx:第二张!B1"));
        Path folder = pack("broken", "表.xlsx", twoBroken);
        assertThatThrownBy(() -> RulePacks.load(folder)).isInstanceOf(PackException.class)
                .hasMessageContaining("2 处问题").hasMessageContaining("规则!D6").hasMessageContaining("第二张!B1");
    }
}
