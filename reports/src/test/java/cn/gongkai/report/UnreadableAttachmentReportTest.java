package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.UnreadableAttachment;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments the audit could not read reach facts.json and the 证据 sheet, cited by a finding or not. */
class UnreadableAttachmentReportTest {

    private static final String FINAL = "http://a.gov.cn/cz/P020250801.pdf";
    private static final String OTHER = "http://a.gov.cn/cz/fj.xlsx";
    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path dir;

    private static AuditReport report() {
        UnreadableAttachment cited = new UnreadableAttachment(FINAL, "P020250801.pdf", "2024年部门决算",
                DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, 2024, "文件有密码保护 / password-protected", false,
                new Evidence(FINAL, AT, "urn:uuid:7", "P020250801.pdf"));
        UnreadableAttachment uncited = new UnreadableAttachment(OTHER, "fj.xlsx", "=HYPERLINK(\"http://x\",\"附件\")",
                null, null, "文本超过 1000000 字符，只读取了开头部分 / text cut at 1000000 characters", true,
                new Evidence(OTHER, AT, "urn:uuid:8", "fj.xlsx"));
        Finding finding = new Finding("REG2019-20-7-FINAL", "第20条", "部门决算", "主动公开", FindingStatus.NEEDS_REVIEW, 5, 0,
                List.of(cited.source()), cited.reviewNote("2024年部门决算"));
        AgencyResult agency = new AgencyResult(new Agency("甲局", "http://a.gov.cn/", AgencyType.DEPARTMENT, null), null,
                List.of(), List.of(cited, uncited), List.of(finding), 0, 5, 1, 1);
        return new AuditReport("r", "p", "t", "s", LocalDate.of(2025, 9, 30), null, List.of(agency));
    }

    @Test
    void factsJsonCarriesEachUnreadableAttachmentAsAnObservation() {
        List<Map<String, Object>> observations = JsonReports.facts(report()).agencies().get(0).observations();
        assertThat(observations).hasSize(2);
        Map<String, Object> first = observations.get(0);
        assertThat(first).containsEntry("type", "UnreadableAttachment").containsEntry("url", FINAL)
                .containsEntry("linkText", "2024年部门决算").containsEntry("kind", "DEPARTMENT_FINAL_ACCOUNTS")
                .containsEntry("yearCovered", 2024).containsEntry("reason", "文件有密码保护 / password-protected")
                .containsEntry("truncated", false);
        assertThat(first.get("source")).isEqualTo(new JsonReports.EvidenceJson(FINAL, AT.toString(), "urn:uuid:7"));
        assertThat(observations.get(1)).containsEntry("kind", null).containsEntry("truncated", true);
    }

    @Test
    void theEvidenceSheetSaysWhyACitedFileCouldNotBeReadAndListsTheUncitedOnes() throws IOException {
        Path file = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(report(), file);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet evidence = wb.getSheet("证据");
            Row header = evidence.getRow(0);
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("读取情况");
            Row cited = evidence.getRow(1);
            assertThat(cited.getCell(2).getHyperlink().getAddress()).isEqualTo(FINAL);
            assertThat(cited.getCell(8).getStringCellValue()).isEqualTo("REG2019-20-7-FINAL");
            assertThat(cited.getCell(9).getStringCellValue()).isEqualTo("无法读取：文件有密码保护（链接文字“2024年部门决算”）");
            Row uncited = evidence.getRow(2);
            assertThat(uncited.getCell(1).getStringCellValue()).isEqualTo(EvidenceSheet.UNCITED);
            assertThat(uncited.getCell(2).getHyperlink().getAddress()).isEqualTo(OTHER);
            assertThat(uncited.getCell(3).getStringCellValue()).as("the link text, kept as text")
                    .isEqualTo("=HYPERLINK(\"http://x\",\"附件\")");
            assertThat(uncited.getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(uncited.getCell(7).getStringCellValue()).isEqualTo("urn:uuid:8");
            assertThat(uncited.getCell(9).getStringCellValue()).startsWith("只读取了部分内容：文本超过 1000000 字符");
            assertThat(evidence.getLastRowNum()).as("each file once").isEqualTo(2);
        }
    }

    @Test
    void aRunReadBackFromItsJsonKeepsItsUnreadableAttachmentsForTheRebuiltWorkbook() throws IOException {
        AuditReport report = report();
        new ReportWriter().writeFindingsJson(report, dir.resolve(ReportWriter.FINDINGS));
        new ReportWriter().writeFactsJson(report, dir.resolve(ReportWriter.FACTS));
        AuditReport back = StoredReport.read(dir, "t", "s", "1", 0.5, List.of(), null);
        assertThat(back.agencies().get(0).observations()).as("as the audit had them")
                .isEqualTo(report.agencies().get(0).observations());
    }
}
