package cn.gongkai.app.agency;

import cn.gongkai.app.GongkaiApplication;
import cn.gongkai.engine.fact.Agency;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hand-made agency lists as assessors send them: every file under {@code bad-input/} with its expected outcome in
 * {@code bad-input/cases.csv} (agencies read, rows skipped, words the message must contain), plus the cases built
 * here (merged header cells, a password-protected workbook, 100,000 rows). Unusable lists are also run through
 * the real command line, which must exit non-zero with the message.
 */
class BadAgencyListTest {

    private static final Path TMP = Path.of("target/bad-input-test").toAbsolutePath();

    @BeforeAll
    static void clean() throws IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(TMP);
        Files.createDirectories(TMP);
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(BadAgencyListTest.class.getResource("/bad-input/cases.csv").toURI()).getParent();
        return Files.readAllLines(dir.resolve("cases.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(",", 4))
                .map(f -> Arguments.of(dir.resolve(f[0]), f[1], f[2],
                        f.length < 4 || f[3].isBlank() ? List.of() : Arrays.asList(f[3].split("\\|"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadListIsReadOrRejectedWithAMessageNamingFileAndRow(Path file, String agencies, String skipped, List<String> fragments) {
        if (agencies.equals("unusable")) {
            AgencyListException e = catchThrowableOfType(AgencyListException.class, () -> AgencyListReader.read(file));
            assertThat(e).as("%s must be rejected", file.getFileName()).isNotNull();
            assertThat(e.getMessage()).contains("单位名单无法使用 / agency list unusable").contains(file.toString());
            fragments.forEach(f -> assertThat(e.getMessage()).contains(f));
        } else {
            AgencyList list = AgencyListReader.read(file);
            assertThat(list.agencies()).hasSize(Integer.parseInt(agencies));
            assertThat(list.skippedRows()).hasSize(Integer.parseInt(skipped));
            fragments.forEach(f -> assertThat(String.join("\n", list.skippedRows())).contains(f));
            // Decoded right whatever the encoding: names are Chinese, not mojibake.
            assertThat(list.agencies()).allSatisfy(a -> assertThat(a.name()).startsWith("湘江市"));
        }
    }

    static Stream<Path> unusableFiles() throws Exception {
        List<Path> files = new ArrayList<>(cases().filter(a -> a.get()[1].equals("unusable")).map(a -> (Path) a.get()[0]).toList());
        files.add(encryptedWorkbook());
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void theCommandLineExitsNonZeroOnAnUnusableListAndSaysWhy(Path file) throws IOException {
        Path out = TMP.resolve("out-" + file.getFileName());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("gongkai.data-dir", TMP.resolve("data").toString());
        int exit;
        try {
            exit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "audit", "--agencies", file.toString(),
                    "--pack", "cn-regulation-2019", "--as-of", "2025-09-30", "--out", out.toString()));
        } finally {
            System.setErr(oldErr);
            System.clearProperty("gongkai.data-dir");
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(message).contains("错误 / error", "单位名单无法使用", "agency list unusable", file.getFileName().toString());
        assertThat(out.resolve("findings.json")).doesNotExist();
    }

    @Test
    void aWorkbookWithATitleAndMergedHeaderCellsIsReadAndBadCellsAreNamed() throws IOException {
        Path file = TMP.resolve("merged-header.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("2025 年政务公开测评单位名单");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            var header = sheet.createRow(1);
            header.createCell(0).setCellValue("单位名称");
            header.createCell(1).setCellValue("网站 地址");   // a space typed inside the label
            header.createCell(2).setCellValue("层级");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            sheet.createRow(2).createCell(2).setCellValue("（市级/县级）");
            row(sheet, 3, "湘江市教育局", "http://jy.example.gov.cn/");
            row(sheet, 4, "湘江市统计局", "统计局网站（待补）");
            row(sheet, 5, "湘江市青山县人民政府", "https://qs.example.gov.cn/");
            wb.write(os);
        }
        AgencyList list = AgencyListReader.read(file);
        assertThat(list.agencies()).extracting(Agency::name).containsExactly("湘江市教育局", "湘江市青山县人民政府");
        assertThat(list.skippedRows()).singleElement().asString()
                .contains("工作表“名单”单元格 B5", "sheet 名单 cell B5", "统计局网站（待补）");
        // The same row, structured as the web app stores and shows it.
        assertThat(list.skipped()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("merged-header.xlsx");
            assertThat(r.sheet()).isEqualTo("名单");
            assertThat(r.row()).isEqualTo(5);
            assertThat(r.column()).isEqualTo(2);
            assertThat(r.cell()).isEqualTo("B5");
            assertThat(r.value()).isEqualTo("统计局网站（待补）");
            assertThat(r.zh()).contains("不是有效的 http(s) 地址");
            assertThat(r.en()).contains("not an http(s) URL");
        });
    }

    /** The command line audits the good row, names the bad ones, and `gongkai runs` says how many were skipped. */
    @Test
    void theCommandLineAuditsTheGoodRowsAndRunsShowsHowManyWereSkipped() throws IOException {
        Path file = TMP.resolve("one-good-two-bad.csv");
        // Port 1 on loopback refuses at once: the good row is audited (as unreachable) without any network.
        Files.writeString(file, "单位名称,网站地址\n湘江市统计局,http://127.0.0.1:1/\n湘江市统计局,http://127.0.0.1:2/\n"
                + "=1+1,http://127.0.0.1:3/\n", StandardCharsets.UTF_8);
        Path data = TMP.resolve("data-skipped");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("gongkai.data-dir", data.toString());
        int audit;
        int runs;
        try {
            audit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "audit", "--agencies",
                    file.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30", "--out",
                    TMP.resolve("out-skipped").toString(), "--retries", "0"));
            out.reset();
            runs = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "runs"));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.clearProperty("gongkai.data-dir");
        }
        assertThat(audit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 3 column 1", "duplicate agency", "row 4 column 1",
                "spreadsheet formula");
        assertThat(runs).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 个单位（名单跳过 2 行）");
    }

    @Test
    void aPasswordProtectedWorkbookIsRejectedAsSuch() throws Exception {
        Path file = encryptedWorkbook();
        assertThatThrownBy(() -> AgencyListReader.read(file)).isInstanceOf(AgencyListException.class)
                .hasMessageContaining("密码保护").hasMessageContaining("password-protected").hasMessageContaining(file.toString());
    }

    @Test
    void aListOfAHundredThousandRowsIsReadWithItsBadRowsNamed() throws IOException {
        Path file = TMP.resolve("100000-rows.csv");
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("单位名称,网站地址\n");
            for (int i = 1; i <= 100_000; i++) {
                w.write("湘江市第" + i + "单位," + (i == 50_000 ? "not a url" : "http://u" + i + ".example.gov.cn/") + "\n");
            }
        }
        AgencyList list = AgencyListReader.read(file);
        assertThat(list.agencies()).hasSize(99_999);
        assertThat(list.skippedRows()).singleElement().asString().contains("row 50001 column 2", "not a url");
    }

    @Test
    void aWorkbookWhoseAddressCellsAreLinksIsReadByTheirTargets() throws IOException {
        Path file = TMP.resolve("linked-addresses.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("名单");
            row(sheet, 0, "单位名称", "网站地址");
            // Shows a label, links to the site (Insert → Link in Excel/WPS).
            var linked = sheet.createRow(1);
            linked.createCell(0).setCellValue("湘江市教育局");
            var label = linked.createCell(1);
            label.setCellValue("教育局门户网站");
            var link = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
            link.setAddress("http://jy.example.gov.cn/");
            label.setHyperlink(link);
            // A HYPERLINK formula in the address column; a HYPERLINK formula as the name shows its label.
            var formula = sheet.createRow(2);
            formula.createCell(0).setCellFormula("HYPERLINK(\"http://tj.example.gov.cn/\",\"湘江市统计局\")");
            formula.createCell(1).setCellFormula("HYPERLINK(\"https://tj.example.gov.cn/\",\"统计局网站\")");
            // A label without any link is still a bad address, named by its cell.
            row(sheet, 3, "湘江市审计局", "审计局网站");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(os);
        }
        AgencyList list = AgencyListReader.read(file);
        assertThat(list.agencies()).extracting(Agency::name, Agency::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("湘江市教育局", "http://jy.example.gov.cn/"),
                org.assertj.core.groups.Tuple.tuple("湘江市统计局", "https://tj.example.gov.cn/"));
        assertThat(list.skipped()).singleElement().satisfies(r -> {
            assertThat(r.cell()).isEqualTo("B4");
            assertThat(r.value()).isEqualTo("审计局网站");
        });
    }

    private static void row(XSSFSheet sheet, int r, String name, String url) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(name);
        row.createCell(1).setCellValue(url);
    }

    /** A valid agency list saved with 文件 → 信息 → 用密码进行加密, as POI writes it (agile encryption). */
    static Path encryptedWorkbook() throws Exception {
        Path file = TMP.resolve("password-protected.xlsx");
        Files.createDirectories(TMP);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = enc.getDataStream(fs)) {
                var sheet = wb.createSheet();
                row(sheet, 0, "单位名称", "网站地址");
                row(sheet, 1, "湘江市教育局", "http://jy.example.gov.cn/");
                wb.write(os);
            }
            try (OutputStream os = Files.newOutputStream(file)) {
                fs.writeFilesystem(os);
            }
        }
        return file;
    }
}
