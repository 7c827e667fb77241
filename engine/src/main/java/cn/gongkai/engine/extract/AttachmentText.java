package cn.gongkai.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Text of binary attachments: PDF with PDFBox, XLS/XLSX with POI (cells row by row, tab-separated), DOC/DOCX
 * with POI's Word extractors. Output is capped at {@link #MAX_CHARS}; POI's {@code ZipSecureFile} defaults
 * (minimum inflate ratio, maximum entry size) guard OOXML zips against zip bombs. Throws on unreadable input;
 * the caller decides what that means.
 */
final class AttachmentText {

    /** About 2 MB of UTF-16 text. */
    static final int MAX_CHARS = 1_000_000;
    /** Budget books run to a few hundred pages; text past this is not needed to classify them. */
    static final int MAX_PDF_PAGES = 400;

    enum Format { PDF, EXCEL, WORD, UNKNOWN_OLE2, UNKNOWN_ZIP }

    private AttachmentText() {
    }

    static String read(byte[] body, Format format) throws IOException {
        return switch (format) {
            case PDF -> pdf(body);
            case EXCEL -> excel(body);
            case WORD -> word(body);
            case UNKNOWN_OLE2, UNKNOWN_ZIP -> {
                try {
                    yield excel(body);
                } catch (IOException | RuntimeException e) {
                    yield word(body);
                }
            }
        };
    }

    static String pdf(byte[] body) throws IOException {
        try (PDDocument doc = Loader.loadPDF(body)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(MAX_PDF_PAGES);
            return cap(stripper.getText(doc));
        }
    }

    static String excel(byte[] body) throws IOException {
        DataFormatter fmt = new DataFormatter();
        StringBuilder out = new StringBuilder();
        try (InputStream in = new ByteArrayInputStream(body); Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sheet : wb) {
                out.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    for (Cell cell : row) {
                        String v = fmt.formatCellValue(cell).strip();
                        if (!v.isEmpty()) {
                            if (line.length() > 0) {
                                line.append('\t');
                            }
                            line.append(v);
                        }
                    }
                    if (line.length() > 0) {
                        out.append(line).append('\n');
                    }
                    if (out.length() > MAX_CHARS) {
                        return cap(out.toString());
                    }
                }
            }
        }
        return cap(out.toString());
    }

    static String word(byte[] body) throws IOException {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body));
                 XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
                return cap(ex.getText());
            }
        }
        try (WordExtractor ex = new WordExtractor(new ByteArrayInputStream(body))) {
            return cap(ex.getText());
        }
    }

    private static String cap(String s) {
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }
}
