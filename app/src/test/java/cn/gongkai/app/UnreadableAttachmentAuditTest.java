package cn.gongkai.app;

import cn.gongkai.fixtures.HostileSites;
import cn.gongkai.fixtures.hostile.UnreadableAttachmentsRoute;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, "extractors return unreadable facts": a real audit of a site whose 2024 部门决算 is a broken PDF and
 * whose 2024 年报 is a DOCX zip bomb. The items are 待人工复核 with the file as evidence, not 缺失, and the files
 * show in facts.json, the 证据 sheet, audit.log and the run database.
 */
class UnreadableAttachmentAuditTest {

    private static final Path TMP = Path.of("target/unreadable-attachment-test").toAbsolutePath();
    private static final String AGENCY = "测试-附件无法读取站";

    @Test
    void anUnreadableAttachmentNamedAsTheMissingDocumentMakesTheItemNeedReviewWithTheFileAsEvidence() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Path out = TMP.resolve("out");
        Path data = TMP.resolve("data");
        String site;
        try (HostileSites sites = HostileSites.start(Map.of("unreadable-attachments", new UnreadableAttachmentsRoute()))) {
            site = sites.url("unreadable-attachments").toString();
            Path list = Files.createDirectories(TMP).resolve("agencies.csv");
            Files.writeString(list, "单位名称,网站地址,单位类型,层级\n" + AGENCY + "," + site + ",部门,部门\n");
            System.setProperty("gongkai.data-dir", data.toString());
            int exit;
            try {
                exit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "audit",
                        "--agencies", list.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30",
                        "--out", out.toString(), "--delay-ms", "0", "--progress-seconds", "0"));
            } finally {
                System.clearProperty("gongkai.data-dir");
            }
            assertThat(exit).isZero();
        }
        String pdf = site.replaceAll("/$", "") + UnreadableAttachmentsRoute.FINAL_ACCOUNTS_PDF;
        String docx = site.replaceAll("/$", "") + UnreadableAttachmentsRoute.REPORT_DOCX;

        JsonMapper json = JsonMapper.builder().build();
        JsonNode findings = json.readTree(out.resolve("findings.json").toFile()).get("agencies").get(0).get("findings");
        JsonNode finalAccounts = finding(findings, "REG2019-20-7-FINAL");
        assertThat(finalAccounts.get("status").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(finalAccounts.get("explanation").asString()).startsWith(
                "找到附件《P020250801536172498105.pdf》（链接文字“2024年部门决算”），但无法读取（文件已损坏或格式无法识别）");
        assertThat(finalAccounts.get("evidence").get(0).get("url").asString()).isEqualTo(pdf);
        assertThat(finalAccounts.get("evidence").get(0).get("warcRecordId").asString()).startsWith("<urn:uuid:");
        JsonNode report = finding(findings, "REG2019-49");
        assertThat(report.get("status").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(report.get("explanation").asString()).as("named by its file, the link said 点击下载")
                .contains("《" + UnreadableAttachmentsRoute.REPORT_DOCX_NAME + "》（链接文字“点击下载”）", "疑似压缩炸弹");
        assertThat(report.get("evidence").get(0).get("url").asString()).isEqualTo(docx);
        assertThat(finding(findings, "REG2019-50").get("status").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(finding(findings, "REG2019-20-7-BUDGET").get("status").asString())
                .as("nothing names a budget: still missing").isEqualTo("MISSING");

        JsonNode observations = json.readTree(out.resolve("facts.json").toFile()).get("agencies").get(0).get("observations");
        List<String> unreadable = new ArrayList<>();
        observations.forEach(o -> {
            if (o.get("type").asString().equals("UnreadableAttachment")) {
                unreadable.add(o.get("url").asString() + " " + o.get("kind").asString() + " " + o.get("yearCovered").asInt()
                        + " " + o.get("truncated").asBoolean());
            }
        });
        assertThat(unreadable).containsExactlyInAnyOrder(pdf + " DEPARTMENT_FINAL_ACCOUNTS 2024 false",
                docx + " ANNUAL_REPORT 2024 false");

        try (InputStream in = Files.newInputStream(out.resolve("assessment.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet evidence = wb.getSheet("证据");
            assertThat(evidence.getRow(0).getCell(9).getStringCellValue()).isEqualTo("读取情况");
            List<String> notes = new ArrayList<>();
            for (Row r : evidence) {
                if (r.getRowNum() > 0 && r.getCell(9) != null && !r.getCell(9).getStringCellValue().isEmpty()) {
                    notes.add(r.getCell(8).getStringCellValue() + " " + r.getCell(9).getStringCellValue());
                }
            }
            assertThat(notes).contains("REG2019-20-7-FINAL 无法读取：文件已损坏或格式无法识别（链接文字“2024年部门决算”）");
            assertThat(notes).anyMatch(n -> n.startsWith("REG2019-49 无法读取：压缩比异常，疑似压缩炸弹，已拒绝读取"));
            assertThat(evidence.getRow(1).getCell(5)).as("HTTP status of the evidence page").isNotNull();
        }

        String log = Files.readString(out.resolve("audit.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("无法读取 / unreadable: " + AGENCY + " " + pdf + "（文件已损坏或格式无法识别 / corrupt",
                "无法读取 / unreadable: " + AGENCY + " " + docx + "（压缩比异常，疑似压缩炸弹，已拒绝读取 / refused as a zip bomb）");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT status, evidence FROM finding WHERE rule_id = 'REG2019-20-7-FINAL'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("NEEDS_REVIEW");
            assertThat(rs.getString(2)).contains(pdf);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT agency, url, link_text, kind, year_covered, reason, truncated, warc_record_id"
                             + " FROM unreadable_attachment WHERE url = '" + pdf + "'")) {
            assertThat(rs.next()).as("the broken PDF is stored as an unreadable attachment").isTrue();
            assertThat(rs.getString("agency")).isEqualTo(AGENCY);
            assertThat(rs.getString("link_text")).isEqualTo("2024年部门决算");
            assertThat(rs.getString("kind")).isEqualTo("DEPARTMENT_FINAL_ACCOUNTS");
            assertThat(rs.getInt("year_covered")).isEqualTo(2024);
            assertThat(rs.getString("reason")).startsWith("文件已损坏或格式无法识别 / corrupt");
            assertThat(rs.getBoolean("truncated")).isFalse();
            assertThat(rs.getString("warc_record_id")).startsWith("<urn:uuid:");
        }
    }

    private static JsonNode finding(JsonNode findings, String rule) {
        for (JsonNode f : findings) {
            if (f.get("rule").asString().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule);
    }
}
