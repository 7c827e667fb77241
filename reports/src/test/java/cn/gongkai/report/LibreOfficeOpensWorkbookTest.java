package cn.gongkai.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves the workbook opens in another spreadsheet program: LibreOffice converts it to PDF headless. Skipped,
 * with a message, where {@code soffice} is not installed ({@code apt-get install libreoffice-calc-nogui}).
 */
class LibreOfficeOpensWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void libreOfficeConvertsTheWorkbookToPdf() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        assumeTrue(soffice.isPresent(), "soffice (LibreOffice) not on PATH: skipping the PDF conversion check");
        Path xlsx = dir.resolve("assessment.xlsx");
        new ReportWriter().writeWorkbook(SampleReports.withPack(SampleReports.threeAgencies()),
                ReportContext.none().withPrevious(WorkbookSheetsTest.lastYear(SampleReports.withPack(SampleReports.threeAgencies()))),
                xlsx);
        // A private profile, so the test neither reads nor locks the user's LibreOffice settings.
        String profile = dir.resolve("profile").toUri().toString();
        Process p = new ProcessBuilder(soffice.get().toString(), "-env:UserInstallation=" + profile, "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("soffice.log"), StandardCharsets.UTF_8);
        assertThat(done).as("soffice finished: %s", log).isTrue();
        Path pdf = dir.resolve("assessment.pdf");
        assertThat(pdf).as("soffice output: %s", log).exists();
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return List.of(path.split(File.pathSeparator)).stream().map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }
}
