package cn.gongkai.report;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LargeWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void threeThousandAgenciesStreamIntoAWorkbookThatOpens() throws Exception {
        Path file = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(SampleReports.many(3_000), file);

        // One part per sheet plus its relations: far past POI's default zip-bomb guard of 1,000 entries.
        ZipSecureFile.setMaxFileCount(100_000);
        int sheets = 0;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            Iterator<InputStream> it = new XSSFReader(pkg).getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    sheet.transferTo(java.io.OutputStream.nullOutputStream());
                }
                sheets++;
            }
        }
        assertThat(sheets).isEqualTo(3_000 + AssessmentWorkbookTest.CARD);
    }

    @Test
    void sheetsUnderConstructionHoldNoOpenFileEach() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc to count open files");
        StreamingWorkbook workbook = new StreamingWorkbook();
        try {
            long before = count(fds);
            for (int i = 0; i < 300; i++) {
                Sheet sheet = workbook.createSheet("s" + i);
                for (int r = 0; r < 150; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue("第" + r + "行");
                }
                StreamingWorkbook.finishSheet(sheet);
            }
            assertThat(count(fds) - before).as("plain SXSSF holds one per sheet").isLessThan(100);
            workbook.write(java.io.OutputStream.nullOutputStream());
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static long count(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
