package cn.gongkai.engine.rule;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaiversTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
    private static final List<Finding> FINDINGS = List.of(
            new Finding("HN2020-1", "(一)", "常务会议", "决策", FindingStatus.MISSING, 5, 0, List.of(), "未找到。", true),
            new Finding("HN2020-2", "(二)", "文件库", "决策", FindingStatus.MET, 5, 5, List.of(), "已公开。"));

    @TempDir
    Path dir;

    @Test
    void aWaiverInForceKeepsTheFindingVisibleButOutOfTheFullMarks() throws IOException {
        Path file = dir.resolve("waivers.yaml");
        Files.writeString(file, """
                waivers:
                  - {单位名称: 测试局, 条目: "(一)", 理由: 本单位不召开常务会议, 有效期至: 2025-12-31, 批准人: 市政务公开办}
                  - {agency: 测试局, rule: HN2020-2, justification: 旧豁免, expires: 2025-06-30, approver: 市政务公开办}
                  - {agency: 测试局, rule: HN2020-2, justification: 缺批准人, expires: 2025-12-31}
                  - {agency: 测试局, rule: HN2020-2, justification: 日期错, expires: 明年, approver: 某人}
                """);
        Waivers w = Waivers.read(file, AS_OF);
        assertThat(w.waivers()).hasSize(1);
        assertThat(w.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("第 2 条").contains("过期").contains("expired"))
                .anySatisfy(p -> assertThat(p).contains("第 3 条").contains("approver"))
                .anySatisfy(p -> assertThat(p).contains("第 4 条").contains("YYYY-MM-DD"));
        List<Finding> applied = w.apply("测试局", FINDINGS);
        assertThat(applied.get(0).status()).isEqualTo(FindingStatus.MISSING);
        assertThat(applied.get(0).points()).isZero();
        assertThat(applied.get(0).vetoes()).isFalse();
        assertThat(applied.get(0).explanation()).startsWith("【豁免】本单位不召开常务会议").contains("市政务公开办");
        assertThat(applied.get(1)).isEqualTo(FINDINGS.get(1));
        assertThat(w.apply("别的局", FINDINGS)).isEqualTo(FINDINGS);
    }

    @Test
    void waiversAreReadFromAnXlsxSheetWithChineseHeaders() throws IOException {
        Path file = dir.resolve("waivers.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("豁免");
            String[][] rows = {{"单位名称", "条目", "理由", "有效期至", "批准人"},
                    {"测试局", "HN2020-1", "涉密单位", "2026-03-31", "市政务公开办"},
                    {"测试局", "HN2020-2", "", "2026-03-31", "市政务公开办"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(out);
        }
        Waivers w = Waivers.read(file, AS_OF);
        assertThat(w.waivers()).extracting(Waiver::rule).containsExactly("HN2020-1");
        assertThat(w.problems()).singleElement().satisfies(p -> assertThat(p).contains("第 3 行").contains("justification"));
    }
}
