package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.DocumentKind;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class AttachmentExtractionTest {

    private static final String BASE = "https://jyj.xiangjiang.gov.cn/zwgk/ysjs/W0202503";

    @Test
    void pdfNamedForTheBudgetIsABudgetOfThatYearWithoutPublicationDate() throws Exception {
        byte[] pdf = pdf("Budget 2025 total 1234.56");
        String url = BASE + "/" + URLEncoder.encode("湘江市教育局2025年部门预算", StandardCharsets.UTF_8) + ".pdf";
        ExtractedPage page = Pages.extract(new PageSource(url, "application/pdf", pdf, null, null));
        assertThat(page.title()).isEqualTo("湘江市教育局2025年部门预算");
        assertThat(page.rawText()).contains("Budget 2025 total 1234.56");
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKind.DEPARTMENT_BUDGET);
            assertThat(d.yearCovered()).isEqualTo(2025);
            assertThat(d.publishedOn()).isNull();
            assertThat(d.url()).isEqualTo(url);
        });
    }

    @Test
    void xlsxWithChineseCellsIsReadAndTitledByItsFirstLineWhenTheNameSaysNothing() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), "湘江市财政局2024年度部门决算", "“三公”经费支出决算表");
        ExtractedPage page = Pages.extract(new PageSource(BASE + "/P020250301123.xlsx", null, xlsx, null, null));
        assertThat(page.rawText()).contains("湘江市财政局2024年度部门决算", "公务接待费");
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS);
            assertThat(d.yearCovered()).isEqualTo(2024);
            assertThat(d.hasSanGong()).isTrue();
        });
    }

    @Test
    void xlsIsReadThroughHssf() throws Exception {
        byte[] xls = workbook(new HSSFWorkbook(), "收支预算总表", "一般公共预算支出表");
        String url = BASE + "/" + URLEncoder.encode("2025年部门预算", StandardCharsets.UTF_8) + ".xls";
        ExtractedPage page = Pages.extract(new PageSource(url, "application/vnd.ms-excel", xls, null, null));
        assertThat(page.rawText()).contains("收支预算总表", "因公出国（境）费");
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKind.DEPARTMENT_BUDGET);
            assertThat(d.hasSanGong()).isTrue();
        });
    }

    @Test
    void docxAnnualReportIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("湘江市教育局2024年政府信息公开工作年度报告");
            doc.createParagraph().createRun().setText("一、总体情况");
            doc.write(out);
        }
        ExtractedPage page = Pages.extract(new PageSource(BASE + "/P0202501.docx", null, out.toByteArray(), null, null));
        assertThat(page.title()).isEqualTo("湘江市教育局2024年政府信息公开工作年度报告");
        assertThat(page.documents()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DocumentKind.ANNUAL_REPORT));
    }

    @Test
    void corruptPdfYieldsAnEmptyPageWithoutThrowing() {
        byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
        ExtractedPage page = Pages.extract(new PageSource(BASE + "/broken.pdf", "application/pdf", junk, null, null));
        assertThat(page.documents()).isEmpty();
        assertThat(page.title()).isEmpty();
        assertThat(page.rawText()).isEmpty();
    }

    @Test
    void truncatedSpreadsheetAndEmptyBodyDoNotThrow() throws Exception {
        byte[] xlsx = workbook(new XSSFWorkbook(), "部门预算", "x");
        byte[] half = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThat(Pages.extract(new PageSource(BASE + "/a.xlsx", null, half, null, null)).documents()).isEmpty();
        assertThat(Pages.extract(new PageSource(BASE + "/a.html", null, new byte[0], null, null)).title()).isEmpty();
        assertThat(Pages.extract(new PageSource(null, null, null, null, null)).documents()).isEmpty();
    }

    private static byte[] pdf(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static byte[] workbook(Workbook wb, String heading, String table) throws Exception {
        try (wb) {
            Sheet sheet = wb.createSheet("表1");
            sheet.createRow(0).createCell(0).setCellValue(heading);
            sheet.createRow(1).createCell(0).setCellValue(table);
            String[] items = {"因公出国（境）费", "公务用车购置及运行费", "公务接待费"};
            for (int i = 0; i < items.length; i++) {
                Row row = sheet.createRow(2 + i);
                row.createCell(0).setCellValue(items[i]);
                row.createCell(1).setCellValue(1.5 * i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
