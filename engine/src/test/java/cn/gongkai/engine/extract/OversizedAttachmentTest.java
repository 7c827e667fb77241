package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.DocumentKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attachments that are not bombs by POI's measure (each part inflates less than 100×, so the inflate-ratio guard
 * lets them through) yet hold far more text than anyone reads: a DOCX whose {@code word/document.xml}, an XLSX
 * whose sheet, and an XLSX whose {@code sharedStrings.xml} inflate to 40–90 MB of varied text, each zip within
 * the crawler's default per-response byte cap (10 MiB); and PDFs past the text and page caps. Built here at run
 * time so nothing large is committed.
 *
 * <p>Loading such a part into POI's usermodel builds its whole XML tree before any text cap applies (gigabytes of
 * heap); the extractor must instead read up to its text cap, say what the file is, and note the text as cut, as
 * the crawler notes a body cut at its byte cap.
 */
class OversizedAttachmentTest {

    /** The crawler's default {@code CrawlSettings.maxBodyBytes}: a larger body never reaches the extractor whole. */
    private static final int CRAWLER_BYTE_CAP = 10 * 1024 * 1024;
    /** POI's default {@code ZipSecureFile} minimum inflate ratio: these files must pass it to be a real test. */
    private static final double POI_MIN_INFLATE_RATIO = 0.01;
    /**
     * The text kept is ~2 MB of UTF-16; reading a part as a stream costs a small multiple of that (73–151 MB
     * measured). POI's usermodel allocated 3.2 GB (then ran out of a 1 GB heap) to 10 GB on these files.
     */
    private static final long ALLOCATION_BOUND = 256L * 1024 * 1024;

    /**
     * The DOCX part is 90 MB, just under POI's 100,000,000-byte limit on one part read into memory (a larger part
     * POI refuses outright, and the file came back unreadable); the XLSX parts are 40 MB to keep the build fast,
     * still five times the size past which the stream reader takes over.
     */
    enum Oversized {
        DOCX_DOCUMENT("http://a.gov.cn/2024年政府信息公开工作年度报告.docx", 90, DocumentKind.ANNUAL_REPORT),
        XLSX_SHEET("http://a.gov.cn/2024年部门决算.xlsx", 40, DocumentKind.DEPARTMENT_FINAL_ACCOUNTS),
        XLSX_SHARED_STRINGS("http://a.gov.cn/2025年部门预算.xlsx", 40, DocumentKind.DEPARTMENT_BUDGET);

        final String url;
        final long partBytes;
        final DocumentKind kind;

        Oversized(String url, int megabytes, DocumentKind kind) {
            this.url = url;
            this.partBytes = megabytes * 1024L * 1024;
            this.kind = kind;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Oversized.class)
    void aHugeButHonestlyCompressedPartIsReadUpToTheTextCapAndNotedAsCut(Oversized which) throws IOException {
        Package file = build(which);
        assertThat(file.zip.length).as("zip size").isLessThanOrEqualTo(CRAWLER_BYTE_CAP);
        assertThat((double) file.compressedPart / file.inflatedPart).as("inflate ratio of the big part")
                .isGreaterThan(POI_MIN_INFLATE_RATIO);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        ExtractedPage page = new PageExtractor().extract(new PageSource(which.url, null, file.zip, null, null));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("%s: zip %d KB, part %d MB inflated (ratio %.3f): %d ms, %d MB allocated, unreadable=%s, "
                        + "truncated=%s, text %d chars%n", which, file.zip.length / 1024, file.inflatedPart >> 20,
                (double) file.compressedPart / file.inflatedPart, millis, allocated >> 20, page.unreadable(),
                page.truncated(), page.rawText().length());

        assertThat(page.unreadable()).as("read, not given up").isFalse();
        assertThat(page.truncated()).as("noted as cut at the text cap").isTrue();
        assertThat(page.rawText()).startsWith(file.firstLine).hasSizeLessThanOrEqualTo(AttachmentText.MAX_CHARS);
        assertThat(page.rawText().length()).isGreaterThan(AttachmentText.MAX_CHARS / 2);
        assertThat(page.documents()).as("what the file is").extracting(d -> d.kind()).containsExactly(which.kind);
        assertThat(allocated).as("bytes allocated extracting " + which).isLessThan(ALLOCATION_BOUND);
    }

    /** Below the cap the stream reader gives the lines the usermodel gives, so the switch changes nothing but cost. */
    @Test
    void theStreamReaderGivesTheSameTextAsTheUsermodelForAnOrdinaryWorkbookAndDocument() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (String name : new String[]{"收支总表", "三公经费"}) {
                Sheet sheet = wb.createSheet(name);
                for (int r = 0; r < 50; r++) {
                    Row row = sheet.createRow(r * 2); // every other row empty
                    row.createCell(0).setCellValue(" 第" + r + "项 一般公共服务支出 ");
                    row.createCell(2).setCellValue(r * 1234.5);
                    row.createCell(3).setCellValue(r);
                }
            }
            wb.write(xlsx);
        }
        assertThat(LargeOoxml.read(xlsx.toByteArray())).isEqualTo(AttachmentText.excel(xlsx.toByteArray()));

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("湘江市教育局2024年政府信息公开工作年度报告");
            for (int p = 0; p < 50; p++) {
                var run = doc.createParagraph().createRun();
                run.setText("（" + p + "）主动公开政府信息情况");
                run.addTab();
                run.setText("单位：件");
            }
            doc.write(docx);
        }
        assertThat(LargeOoxml.read(docx.toByteArray())).isEqualTo(AttachmentText.word(docx.toByteArray()));
    }

    /**
     * The same XLSX cut short, as the crawler's byte cap cuts a longer body: no central directory, its big part
     * ends mid-way. POI's {@code OPCPackage.open(File)} would fall back to reading every entry into memory; the
     * stream reader refuses it instead, cheaply (the crawler has already noted the cut body).
     */
    @Test
    void aLargeXlsxCutShortIsUnreadableAndCheapToReject() throws IOException {
        byte[] zip = build(Oversized.XLSX_SHARED_STRINGS).zip;
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length * 9 / 10);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        ExtractedPage page = new PageExtractor().extract(new PageSource(Oversized.XLSX_SHARED_STRINGS.url, null, cut,
                null, null));

        assertThat(page.unreadable()).isTrue();
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(96L * 1024 * 1024);
    }

    /**
     * A 60 KB PDF whose one page's Flate-compressed content stream inflates to 20 MB of text operators: PDFBox's
     * stripper kept every glyph of the page (18 million) until the page ended and ran out of the 1 GB heap; now it
     * stops at the text cap and the page is noted as cut. (PDFBox still lays out the million glyphs it keeps,
     * about 0.9 GB allocated in all, short-lived.)
     */
    @Test
    void aPdfPageWhoseContentInflatesToMillionsOfGlyphsStopsAtTheTextCap() throws IOException {
        byte[] pdf = pdfWithOneHugePage(20);
        assertThat(pdf.length).isLessThan(CRAWLER_BYTE_CAP);

        ExtractedPage page = new PageExtractor().extract(new PageSource("http://a.gov.cn/2025年部门预算.pdf", null, pdf,
                null, null));

        assertThat(page.unreadable()).isFalse();
        assertThat(page.truncated()).isTrue();
        assertThat(page.rawText()).startsWith("Budget line").hasSize(AttachmentText.MAX_CHARS);
        assertThat(page.documents()).extracting(d -> d.kind()).containsExactly(DocumentKind.DEPARTMENT_BUDGET);
    }

    @Test
    void aPdfLongerThanThePageCapIsNotedAsCut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p <= AttachmentText.MAX_PDF_PAGES; p++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
        }
        ExtractedPage page = new PageExtractor().extract(new PageSource("http://a.gov.cn/1.pdf", null,
                out.toByteArray(), null, null));
        assertThat(page.unreadable()).isFalse();
        assertThat(page.truncated()).isTrue();
    }

    private static byte[] pdfWithOneHugePage(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            page.setResources(new PDResources());
            COSName font = page.getResources().add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            COSStream content = doc.getDocument().createCOSStream();
            try (OutputStream o = content.createOutputStream(COSName.FLATE_DECODE)) {
                write(o, "BT /" + font.getName() + " 8 Tf 40 760 Td 9 TL\n");
                String lines = "(Budget line general public services 1234.56) Tj T*\n".repeat(1000);
                for (long written = 0; written < megabytes * 1024L * 1024; ) {
                    written += write(o, lines);
                }
                write(o, "ET\n");
            }
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            doc.save(out);
        }
        return out.toByteArray();
    }

    /** A zip, the first line of its text, and the sizes of its big part. */
    private record Package(byte[] zip, String firstLine, long inflatedPart, long compressedPart) {
    }

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String CT = "application/vnd.openxmlformats-officedocument.";

    private static Package build(Oversized which) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(which.ordinal());
        String first;
        long[] sizes;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean word = which == Oversized.DOCX_DOCUMENT;
            String main = word ? "word/document.xml" : "xl/workbook.xml";
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + (word ? "<Override PartName=\"/word/document.xml\" ContentType=\"" + CT
                            + "wordprocessingml.document.main+xml\"/>"
                            : "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + CT + "spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + CT
                            + "spreadsheetml.worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + CT
                            + "spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + R + "/officeDocument\" Target=\"" + main + "\"/>"
                    + "</Relationships>");
            if (word) {
                first = "湘江市教育局2024年政府信息公开工作年度报告";
                sizes = bigPart(zip, which.partBytes, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                        + W + "\"><w:body><w:p><w:r><w:t>" + first + "</w:t></w:r></w:p>", "</w:body></w:document>",
                        i -> "<w:p><w:r><w:t>" + sentence(random, i) + "</w:t></w:r></w:p>");
            } else {
                first = which == Oversized.XLSX_SHEET ? "决算表\n湘江市财政局2024年度部门决算" : "决算表\n湘江市财政局2025年部门预算";
                sizes = excel(zip, which, random);
            }
        }
        // after close: the central directory is written last
        return new Package(out.toByteArray(), first, sizes[0], sizes[1]);
    }

    /** Writes the workbook parts; returns the inflated and compressed sizes of the big one. */
    private static long[] excel(ZipOutputStream zip, Oversized which, Random random) throws IOException {
        entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + S
                + "\" xmlns:r=\"" + R + "\"><sheets><sheet name=\"决算表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + R + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + R + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
        String sheetHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + S + "\"><sheetData>";
        if (which == Oversized.XLSX_SHEET) {
            entry(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + S
                    + "\" count=\"1\" uniqueCount=\"1\"><si><t>湘江市财政局2024年度部门决算</t></si></sst>");
            return bigPart(zip, which.partBytes, "xl/worksheets/sheet1.xml",
                    sheetHead + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", "</sheetData></worksheet>",
                    i -> "<row r=\"" + (i + 2) + "\"><c r=\"A" + (i + 2) + "\" t=\"inlineStr\"><is><t>"
                            + sentence(random, i) + "</t></is></c><c r=\"B" + (i + 2) + "\"><v>"
                            + i % 9973 + "</v></c></row>");
        }
        StringBuilder sheet = new StringBuilder(sheetHead);
        for (int r = 0; r < 30_000; r++) {
            sheet.append("<row r=\"").append(r + 1).append("\"><c r=\"A").append(r + 1).append("\" t=\"s\"><v>")
                    .append(r).append("</v></c></row>");
        }
        entry(zip, "xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());
        return bigPart(zip, which.partBytes, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                + S + "\"><si><t>湘江市财政局2025年部门预算</t></si>", "</sst>",
                i -> "<si><t>" + sentence(random, i) + "</t></si>");
    }

    private static final String[] WORDS = ("政府 信息 公开 工作 年度 报告 主动 依申请 行政 复议 诉讼 收费 减免 预算 决算 "
            + "财政 拨款 支出 收入 项目 资金 绩效 目标 管理 制度 建设 平台 网站 政务 新媒体 规范性 文件 解读 回应 关切 "
            + "人大 建议 政协 提案 办理 机构 人员 编制 一般 公共 服务 教育 科学 技术 社会 保障 就业 卫生 健康 节能 环保 "
            + "城乡 社区 农林 水利 交通 运输 住房 保障 灾害 防治 应急 其他 合计 本年 上年 增加 减少 主要 原因").split(" ");

    /**
     * A line of a budget table or report: numbered, from a pool of lines that fits deflate's 32 KB window, so the
     * part compresses about 25× (a real report repeats its phrases; a bomb repeats one element millions of times).
     */
    private static String sentence(Random random, long i) {
        return "第" + i + "项 " + POOL[random.nextInt(POOL.length)];
    }

    private static final String[] POOL = pool();

    private static String[] pool() {
        Random random = new Random(42);
        String[] pool = new String[50];
        for (int p = 0; p < pool.length; p++) {
            StringBuilder s = new StringBuilder();
            int n = 6 + random.nextInt(10);
            for (int k = 0; k < n; k++) {
                s.append(WORDS[random.nextInt(WORDS.length)]);
            }
            pool[p] = s.append(' ').append(random.nextInt(1_000_000) / 100.0).append("万元").toString();
        }
        return pool;
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Writes a part of about {@code bytes}; returns its inflated and compressed sizes. */
    private static long[] bigPart(ZipOutputStream zip, long bytes, String name, String head, String tail,
                                  java.util.function.LongFunction<String> item) throws IOException {
        ZipEntry e = new ZipEntry(name);
        zip.putNextEntry(e);
        long written = write(zip, head);
        StringBuilder chunk = new StringBuilder(1 << 17);
        for (long i = 0; written < bytes; i++) {
            chunk.append(item.apply(i));
            if (chunk.length() > 1 << 16) {
                written += write(zip, chunk.toString());
                chunk.setLength(0);
            }
        }
        written += write(zip, chunk.toString());
        written += write(zip, tail);
        zip.closeEntry();
        return new long[]{written, e.getCompressedSize()};
    }

    private static long write(OutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b);
        return b.length;
    }
}
