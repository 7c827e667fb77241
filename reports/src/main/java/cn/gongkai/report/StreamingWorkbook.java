package cn.gongkai.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@link SXSSFWorkbook} whose per-sheet temp files are neither held open nor backed by idle buffers.
 *
 * <p>Plain SXSSF keeps one open file and about 24 KB of writer buffers per sheet until the workbook is written:
 * with one 得分卡 per agency that fails with "Too many open files" past roughly a thousand agencies on a default
 * {@code ulimit -n}, and spends tens of megabytes on idle buffers. Here each sheet's XML is collected in a
 * buffer that is appended to its temp file (open, write, close) when it reaches {@value #SPILL_CHARS}
 * characters and whenever the sheet is flushed, and then released. Call {@link #finishSheet} when a sheet is
 * complete so its rows and buffer leave the heap.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    static final int SPILL_CHARS = 32 * 1024;

    /** Where the sheets' temp files go; null for POI's temp folder. */
    private final Path scratch;

    StreamingWorkbook() {
        this(null);
    }

    /**
     * A workbook whose sheets' temp files go to {@code scratch} (null: POI's temp folder), so that a process killed
     * while writing leaves them where the next write of the same file finds and removes them.
     */
    StreamingWorkbook(Path scratch) {
        super(null, 100, false, false);
        this.scratch = scratch;
    }

    /** Moves a completed sheet's rows out of the heap into its temp file. */
    static void finishSheet(Sheet sheet) throws IOException {
        SXSSFSheet s = (SXSSFSheet) sheet;
        s.flushRows();
        s.flushBufferedData();
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new AppendingSheetDataWriter();
    }

    /**
     * Sheet data writer that appends to its temp file without keeping it open. An inner class: POI calls
     * {@link #createTempFile} from the super constructor, when only the enclosing workbook is already set.
     */
    private final class AppendingSheetDataWriter extends SheetDataWriter {

        AppendingSheetDataWriter() throws IOException {
            super();
        }

        @Override
        public File createTempFile() throws IOException {
            return scratch == null ? super.createTempFile()
                    : Files.createTempFile(scratch, "poi-sxssf-sheet", ".xml").toFile();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Writer createWriter(File fd) {
            return new AppendingWriter(fd);
        }
    }

    /** Collects characters and appends them to a file as UTF-8 on spill, flush and close. */
    private static final class AppendingWriter extends Writer {
        private final File file;
        private StringBuilder buffer;
        private boolean closed;

        AppendingWriter(File file) {
            this.file = file;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            buffer().append(chars, off, len);
            spillIfFull();
        }

        @Override
        public void write(String text, int off, int len) throws IOException {
            buffer().append(text, off, off + len);
            spillIfFull();
        }

        @Override
        public void write(int c) throws IOException {
            buffer().append((char) c);
            spillIfFull();
        }

        @Override
        public void flush() throws IOException {
            spill(false);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                spill(true);
                closed = true;
            }
        }

        private StringBuilder buffer() throws IOException {
            if (closed) {
                throw new IOException("sheet data already closed: " + file);
            }
            if (buffer == null) {
                buffer = new StringBuilder(1024);
            }
            return buffer;
        }

        private void spillIfFull() throws IOException {
            if (buffer.length() >= SPILL_CHARS) {
                spill(false);
            }
        }

        /** Appends the buffer to the file; a trailing high surrogate waits for its pair unless closing. */
        private void spill(boolean all) throws IOException {
            if (buffer == null || buffer.length() == 0) {
                return;
            }
            int end = buffer.length();
            if (!all && Character.isHighSurrogate(buffer.charAt(end - 1))) {
                end--;
            }
            byte[] bytes = buffer.substring(0, end).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(file.toPath(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(bytes);
            }
            if (end == buffer.length()) {
                buffer = null;
            } else {
                buffer.delete(0, end);
            }
        }
    }
}
