package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.DocumentKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

/**
 * An XLS within the crawler's default per-response byte cap (10 MiB) holding far more text than anyone reads: two
 * sheets of 46,500 rows of varied Chinese budget lines, built here at run time so nothing large is committed. An
 * OLE2 file is not compressed, so POI's HSSF usermodel builds objects for every record of the file (70 MB live at
 * once for this one); past {@link LargeXls#USERMODEL_BYTES} the extractor reads it with POI's event API
 * instead, up to its text cap, and notes the text as cut.
 *
 * <p>DOC is not covered: POI cannot write a Word 97 file from scratch (HWPF only edits an existing one, and no
 * blank template ships with it), so no large DOC can be built at run time.
 */
class OversizedOle2Test {

    /** The crawler's default {@code CrawlSettings.maxBodyBytes}: a larger body never reaches the extractor whole. */
    private static final int CRAWLER_BYTE_CAP = 10 * 1024 * 1024;
    /**
     * Extracting this file allocated 255 MB with the event reader (about 200 MB of it reading records, the rest
     * classifying the 1,000,000 characters kept) and 381–391 MB when POI's usermodel read it.
     */
    private static final long ALLOCATION_BOUND = 320L * 1024 * 1024;
    private static final Path SITES = Path.of(System.getProperty("user.dir"))
            .resolve("../fixtures/src/main/resources/sites").normalize();

    @Test
    void aLargeXlsIsReadAsAStreamUpToTheTextCapAndNotedAsCut() throws IOException {
        byte[] xls = bigXls();
        assertThat(xls.length).as("xls size").isLessThanOrEqualTo(CRAWLER_BYTE_CAP)
                .isGreaterThan(CRAWLER_BYTE_CAP * 9 / 10);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        ExtractedPage page = new PageExtractor().extract(new PageSource("http://a.gov.cn/2024年部门决算.xls", null, xls,
                null, null));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("XLS: %d KB, %d rows: %d ms, %d MB allocated, unreadable=%s, truncated=%s, text %d chars%n",
                xls.length / 1024, 2 * ROWS_PER_SHEET, millis, allocated >> 20, page.unreadable(), page.truncated(),
                page.rawText().length());

        assertThat(page.unreadable()).as("read, not given up").isFalse();
        assertThat(page.truncated()).as("noted as cut at the text cap").isTrue();
        assertThat(page.reason()).isEqualTo(AttachmentText.TEXT_CUT);
        assertThat(page.rawText()).startsWith("决算表1\n湘江市教育局2024年度部门决算")
                .hasSizeLessThanOrEqualTo(AttachmentText.MAX_CHARS);
        assertThat(page.rawText().length()).isGreaterThan(AttachmentText.MAX_CHARS / 2);
        assertThat(page.documents()).as("what the file is").extracting(d -> d.kind())
                .containsExactly(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS);
        assertThat(allocated).as("bytes allocated extracting the XLS").isLessThan(ALLOCATION_BOUND);
    }

    /** The same XLS cut short, as the crawler's byte cap cuts a longer body: unreadable, and cheap to reject. */
    @Test
    void aLargeXlsCutShortIsUnreadableAndCheapToReject() throws IOException {
        byte[] xls = bigXls();
        byte[] cut = java.util.Arrays.copyOf(xls, xls.length * 9 / 10);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        ExtractedPage page = new PageExtractor().extract(new PageSource("http://a.gov.cn/2024年部门决算.xls", null, cut,
                null, null));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("XLS cut to %d KB: %d MB allocated, unreadable=%s (%s), text %d chars%n", cut.length / 1024,
                allocated >> 20, page.unreadable(), page.reason(), page.rawText().length());
        assertThat(page.unreadable()).isTrue();
        assertThat(allocated).isLessThan(96L * 1024 * 1024);
    }

    /**
     * Below the threshold the usermodel still reads; the event reader must give the same lines for what ordinary
     * workbooks hold: shared and repeated strings with stray spaces, numbers in built-in and custom formats, dates,
     * formulas (written as their text by both), booleans, errors, empty rows and an empty sheet.
     */
    @Test
    void theEventReaderGivesTheSameTextAsTheUsermodelForAnOrdinaryWorkbook() throws IOException {
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            HSSFCellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            HSSFCellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            HSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            for (String name : new String[]{"收支总表", "空表", "三公经费"}) {
                HSSFSheet sheet = wb.createSheet(name);
                if (name.equals("空表")) {
                    continue;
                }
                HSSFRow title = sheet.createRow(0);
                title.createCell(1).setCellValue(" 湘江市教育局2024年度部门决算 ");
                for (int r = 1; r < 40; r++) {
                    HSSFRow row = sheet.createRow(r * 2); // every other row empty
                    row.createCell(0).setCellValue("第" + r % 7 + "项 一般公共服务支出");
                    row.createCell(1).setCellValue(r * 1234.5);
                    row.createCell(2).setCellValue(r * 98765.4321);
                    row.getCell(2).setCellStyle(money);
                    row.createCell(3).setCellValue(r / 40.0);
                    row.getCell(3).setCellStyle(percent);
                    row.createCell(4).setCellValue(LocalDate.of(2024, 1, 1).plusDays(r));
                    row.getCell(4).setCellStyle(date);
                    row.createCell(5).setCellFormula("SUM(B" + (r * 2 + 1) + ":C" + (r * 2 + 1) + ")*2");
                    row.createCell(6).setCellValue(r % 2 == 0);
                    row.createCell(7).setCellErrorValue(FormulaError.DIV0.getCode());
                    row.createCell(8).setCellValue(r);
                    row.createCell(9).setCellValue("   ");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xls = out.toByteArray();
        }
        AttachmentText.Text usermodel = AttachmentText.usermodelExcel(xls);
        assertThat(usermodel.text()).contains("2024年1月2日", "SUM(B3:C3)*2", "#DIV/0!", "TRUE", "2.5%", "98,765.43");
        assertThat(LargeXls.read(xls)).isEqualTo(usermodel);
    }

    /**
     * The fixture farm's XLS 决算 and 预算 attachments (the files the ground truth is built on; written with POI's
     * HSSF, as no Excel- or WPS-written XLS is in the repository) read the same both ways.
     */
    @Test
    void theEventReaderGivesTheSameTextAsTheUsermodelForTheFixtureWorkbooks() throws IOException {
        try (Stream<Path> files = Files.walk(SITES)) {
            var xlsFiles = files.filter(f -> f.toString().endsWith(".xls")).toList();
            assertThat(xlsFiles).isNotEmpty();
            for (Path f : xlsFiles) {
                byte[] xls = Files.readAllBytes(f);
                assertThat(LargeXls.read(xls)).as(f.toString()).isEqualTo(AttachmentText.usermodelExcel(xls));
            }
        }
    }

    private static final int ROWS_PER_SHEET = 46_500;

    private static final String[] WORDS = ("政府 信息 公开 工作 年度 报告 预算 决算 财政 拨款 支出 收入 项目 资金 绩效 目标 管理 "
            + "一般 公共 服务 教育 科学 技术 社会 保障 就业 卫生 健康 节能 环保 城乡 社区 农林 水利 交通 运输 住房 合计 本年 上年")
            .split(" ");

    private static byte[] bigXls;

    /** Built once for the tests that need it (about 1 s). */
    private static synchronized byte[] bigXls() throws IOException {
        if (bigXls == null) {
            bigXls = buildBigXls();
        }
        return bigXls;
    }

    /** Two sheets of numbered budget lines (each string unique, as in a detailed 决算 table) with an amount each. */
    private static byte[] buildBigXls() throws IOException {
        Random random = new Random(7);
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            int n = 0;
            for (int s = 0; s < 2; s++) {
                HSSFSheet sheet = wb.createSheet("决算表" + (s + 1));
                for (int r = 0; r < ROWS_PER_SHEET; r++, n++) {
                    HSSFRow row = sheet.createRow(r);
                    if (n == 0) {
                        row.createCell(0).setCellValue("湘江市教育局2024年度部门决算");
                        continue;
                    }
                    StringBuilder line = new StringBuilder("第").append(n).append("项 ");
                    for (int k = 6 + random.nextInt(8); k > 0; k--) {
                        line.append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    row.createCell(0).setCellValue(line.toString());
                    row.createCell(1).setCellValue(random.nextInt(1_000_000) / 100.0);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
