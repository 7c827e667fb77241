package cn.gongkai.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file complete or not at all: the bytes go to {@code NAME.part} beside it, which is moved into
 * place once written. An audit killed while writing (issue 10, kill and resume) thus never leaves a truncated
 * workbook, {@code report.html} or {@code findings.json} that a reader would take for the run's result.
 */
final class AtomicFile {

    /** What writes the file's bytes. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve(file.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                body.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
