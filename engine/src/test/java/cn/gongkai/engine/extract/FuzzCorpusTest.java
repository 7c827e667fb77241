package cn.gongkai.engine.extract;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz corpus of attachments a hostile or broken site serves, built here so nothing large is committed: each is
 * extracted without an exception, comes back unreadable (or, for what a lenient parser can still open, empty of
 * facts), and the extraction allocates a bounded amount of memory however large the file claims to be.
 */
class FuzzCorpusTest {

    /** Far below what any bomb here would need if it were inflated (hundreds of MB). */
    private static final long ALLOCATION_BOUND = 96L * 1024 * 1024;

    static Stream<Arguments> corpus() throws Exception {
        byte[] pdf = pdf();
        return Stream.of(
                Arguments.of("truncated PDF (first 60%)", "http://a.gov.cn/预算.pdf", Arrays.copyOf(pdf, pdf.length * 6 / 10), true),
                Arguments.of("PDF header only", "http://a.gov.cn/决算.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<".getBytes(StandardCharsets.ISO_8859_1), true),
                Arguments.of("invalid XLS (OLE2 magic, then garbage)", "http://a.gov.cn/预算表.xls", ole2Garbage(), true),
                Arguments.of("XLS that is really an HTML error page", "http://a.gov.cn/预算表.xls", "<html><body>404 页面不存在</body></html>".getBytes(StandardCharsets.UTF_8), false),
                Arguments.of("DOCX zip bomb (300 MB document.xml)", "http://a.gov.cn/年报.docx", bomb("word/document.xml", 300), true),
                Arguments.of("XLSX zip bomb (300 MB sheet1.xml)", "http://a.gov.cn/三公经费.xlsx", bomb("xl/worksheets/sheet1.xml", 300), true),
                Arguments.of("DOCX zip bomb with a well-formed package (read as a stream, stopped by POI's ratio guard)",
                        "http://a.gov.cn/年报.docx", wellFormedDocxBomb(100), true),
                Arguments.of("truncated DOCX zip", "http://a.gov.cn/指南.docx", Arrays.copyOf(bomb("word/document.xml", 1), 200), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenAttachmentsAreUnreadableNotFatalAndCheapToReject(String what, String url, byte[] body, boolean mustBeUnreadable) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ExtractedPage page = new PageExtractor().extract(new PageSource(url, null, body, null, null));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(page.url()).isEqualTo(url);
        assertThat(page.documents()).as(what).isEmpty();
        assertThat(page.facts()).as(what).isEmpty();
        if (mustBeUnreadable) {
            assertThat(page.unreadable()).as(what + " is marked unreadable").isTrue();
            assertThat(page.rawText()).isEmpty();
        }
        assertThat(allocated).as("bytes allocated extracting " + what).isLessThan(ALLOCATION_BOUND);
    }

    /** Found by {@link PageFuzzProperties}: a page cut inside its title, with thousands of tags after it. */
    @org.junit.jupiter.api.Test
    void aPageWhoseTitleRunsOnForThousandsOfTagsIsStillRead() {
        String html = "<html><head><meta charset=\"utf-8\"><title>" + "<div>".repeat(3000) + "发布日期：2025-01-02";
        ExtractedPage page = new PageExtractor().extract(new PageSource("http://a.gov.cn/1.html", "text/html",
                html.getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(page.unreadable()).isFalse();
    }

    static byte[] pdf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Budget 2025 page " + p);
                    cs.endText();
                }
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    private static byte[] ole2Garbage() {
        byte[] b = new byte[4096];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, b, 0, magic.length);
        for (int i = magic.length; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /**
     * A DOCX that opens (content types, relationship to the main part) and whose {@code document.xml} is one
     * paragraph repeated: too large for the usermodel, so it goes to the stream reader, which must still refuse it.
     */
    static byte[] wellFormedDocxBomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "<w:p><w:r><w:t>公开</w:t></w:r></w:p>".repeat(64 * 1024 / 40).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < megabytes * 1024L * 1024; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** An OOXML package whose main part inflates to {@code megabytes} MB of one repeated element. */
    static byte[] bomb(String part, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<?xml version=\"1.0\"?><document><body>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "<p>公开</p>".repeat(64 * 1024 / 12).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < megabytes * 1024L * 1024; written += chunk.length) {
                zip.write(chunk);
            }
            zip.write("</body></document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
