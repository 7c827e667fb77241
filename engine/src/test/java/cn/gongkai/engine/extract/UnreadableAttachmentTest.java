package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.UnreadableAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Why an attachment could not be read, and the {@link UnreadableAttachment} facts built from it and its links. */
class UnreadableAttachmentTest {

    private static final PageExtractor EXTRACTOR = new PageExtractor();
    private static final String URL = "http://a.gov.cn/cz/%E9%99%84%E4%BB%B6.pdf";

    private static ExtractedPage extract(String url, byte[] body) {
        return EXTRACTOR.extract(new PageSource(url, null, body, null, null));
    }

    @Test
    void aCorruptPdfIsUnreadableBecauseCorrupt() throws IOException {
        byte[] pdf = FuzzCorpusTest.pdf();
        ExtractedPage page = extract("http://a.gov.cn/决算.pdf", Arrays.copyOf(pdf, pdf.length * 6 / 10));
        assertThat(page.unreadable()).isTrue();
        assertThat(page.reason()).startsWith("文件已损坏或格式无法识别 / corrupt or unrecognised file (");
    }

    @Test
    void passwordProtectedPdfXlsxAndDocxSayTheyAreProtected() throws IOException {
        assertThat(extract("http://a.gov.cn/决算.pdf", encryptedPdf()).reason()).isEqualTo(Unreadable.PASSWORD);
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("决算").createRow(0).createCell(0).setCellValue("2024年部门决算");
        assertThat(extract("http://a.gov.cn/决算.xlsx", encryptedOoxml(wb::write)).reason()).isEqualTo(Unreadable.PASSWORD);
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("2024年部门决算");
        assertThat(extract("http://a.gov.cn/决算.docx", encryptedOoxml(doc::write)).reason()).isEqualTo(Unreadable.PASSWORD);
    }

    @Test
    void aZipBombIsRefusedAsSuch() throws IOException {
        ExtractedPage page = extract("http://a.gov.cn/年报.docx", FuzzCorpusTest.wellFormedDocxBomb(100));
        assertThat(page.unreadable()).isTrue();
        assertThat(page.reason()).isEqualTo(Unreadable.ZIP_BOMB);
    }

    @Test
    void aPageReadWholeHasNoReasonAndNoFact() {
        ExtractedPage page = extract("http://a.gov.cn/1.html", "<title>通知</title>".getBytes(StandardCharsets.UTF_8));
        assertThat(page.reason()).isNull();
        assertThat(EXTRACTOR.unreadableAttachments(page, List.of("通知"), null, false)).isEmpty();
    }

    @Test
    void theLinkTextNamesKindAndYearElseTheFileNameDoes() {
        ExtractedPage unreadable = ExtractedPage.unreadable(URL, Unreadable.PASSWORD);
        Evidence source = new Evidence(URL, null, "<urn:uuid:1>", "附件.pdf");

        assertThat(EXTRACTOR.unreadableAttachments(unreadable, List.of("  2024年 部门决算 "), source, false))
                .containsExactly(new UnreadableAttachment(URL, "附件.pdf", "2024年 部门决算", DocumentKind.DEPARTMENT_FINAL_ACCOUNTS,
                        2024, Unreadable.PASSWORD, false, source));
        assertThat(EXTRACTOR.unreadableAttachments(unreadable, List.of("部门决算"), source, false))
                .extracting(UnreadableAttachment::kind, UnreadableAttachment::yearCovered)
                .as("a link without a year still names the kind").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, null));
        assertThat(EXTRACTOR.unreadableAttachments(unreadable, List.of("2024年部门决算及2025年部门预算"), source, false))
                .extracting(UnreadableAttachment::kind, UnreadableAttachment::yearCovered).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, 2024),
                        org.assertj.core.groups.Tuple.tuple(DocumentKind.DEPARTMENT_BUDGET, 2025));

        assertThat(EXTRACTOR.unreadableAttachments(unreadable, List.of("第12次政府常务会议纪要"), source, false))
                .extracting(UnreadableAttachment::kind).as("the other kinds too")
                .containsExactly(DocumentKind.EXECUTIVE_MEETING);

        String named = "http://a.gov.cn/cz/2024%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx";
        assertThat(EXTRACTOR.unreadableAttachments(ExtractedPage.unreadable(named), List.of("点击下载"), source, true))
                .singleElement().satisfies(u -> {
                    assertThat(u.fileName()).isEqualTo("2024年政府信息公开工作年度报告.docx");
                    assertThat(u.kind()).as("from the file name").isEqualTo(DocumentKind.ANNUAL_REPORT);
                    assertThat(u.yearCovered()).isEqualTo(2024);
                    assertThat(u.reason()).as("cut by the crawler").isEqualTo(Unreadable.CUT_BY_CRAWLER);
                });
        assertThat(EXTRACTOR.unreadableAttachments(unreadable, List.of(), source, false)).singleElement()
                .satisfies(u -> {
                    assertThat(u.linkText()).as("no link text: the file name").isEqualTo("附件");
                    assertThat(u.kind()).isNull();
                });
    }

    @Test
    void aCutAttachmentKeepsItsDocumentsAndIsNotedAsCut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p <= AttachmentText.MAX_PDF_PAGES; p++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
        }
        ExtractedPage page = extract("http://a.gov.cn/2024年部门决算.pdf", out.toByteArray());
        assertThat(page.documents()).extracting(d -> d.kind()).containsExactly(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS);
        assertThat(page.reason()).isEqualTo(AttachmentText.PAGES_CUT);
        assertThat(EXTRACTOR.unreadableAttachments(page, List.of(), null, false)).singleElement().satisfies(u -> {
            assertThat(u.truncated()).isTrue();
            assertThat(u.reviewNote("2024年部门决算")).contains("《2024年部门决算.pdf》", "只读取了前 400 页");
        });
    }

    @Test
    void theReviewNoteNamesTheFileTheLinkAndTheReason() {
        UnreadableAttachment u = new UnreadableAttachment(URL, "附件.pdf", "2024年部门决算", DocumentKind.DEPARTMENT_FINAL_ACCOUNTS,
                2024, "文件已损坏或格式无法识别 / corrupt (x)", false, null);
        assertThat(u.reviewNote("2024年部门决算")).isEqualTo(
                "找到附件《附件.pdf》（链接文字“2024年部门决算”），但无法读取（文件已损坏或格式无法识别），未能自动确认其内容，"
                        + "请人工核对是否为2024年部门决算。");
    }

    @Test
    void linkTextsAreReadFromTheAnchorsOfTheLinkingPage() {
        String html = "<html><body><p>附件：<a href='cz/%E9%99%84%E4%BB%B6.pdf'>2024年部门决算</a>"
                + "<a href='cz/附件.pdf' title='决算全文'></a><a href='other.pdf'>别的</a></p></body></html>";
        PageSource referrer = new PageSource("http://a.gov.cn/index.html", "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(EXTRACTOR.linkTexts(referrer, List.of(URL))).containsExactly("2024年部门决算", "决算全文");
    }

    private static byte[] encryptedPdf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        return out.toByteArray();
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] encryptedOoxml(Writer document) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                document.write(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
