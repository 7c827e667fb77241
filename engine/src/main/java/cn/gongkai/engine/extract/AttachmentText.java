package cn.gongkai.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
 * with POI's Word extractors. Output is capped at {@link #MAX_CHARS} (and PDFs at {@link #MAX_PDF_PAGES}), and
 * says when it was cut. POI's {@code ZipSecureFile} defaults (minimum inflate ratio, maximum entry size) guard
 * OOXML zips against zip bombs; a DOCX/XLSX whose XML is too large for POI's usermodel is read as a stream by
 * {@link LargeOoxml}, and an XLS over 2 MB with POI's HSSF event API by {@link LargeXls}. Throws on unreadable
 * input; the caller decides what that means.
 */
final class AttachmentText {

    /** About 2 MB of UTF-16 text. */
    static final int MAX_CHARS = 1_000_000;
    /** Budget books run to a few hundred pages; text past this is not needed to classify them. */
    static final int MAX_PDF_PAGES = 400;

    enum Format { PDF, EXCEL, WORD, UNKNOWN_OLE2, UNKNOWN_ZIP }

    /**
     * The text read, whether the file held more than was read (text or page cap reached), and where it was cut
     * (Chinese / English; {@code null} when read whole).
     */
    record Text(String text, boolean truncated, String cut) {
        Text(String text, boolean truncated) {
            this(text, truncated, truncated ? TEXT_CUT : null);
        }
    }

    /** Why a text was cut at {@link #MAX_CHARS}. */
    static final String TEXT_CUT = "文本超过 " + MAX_CHARS + " 字符，只读取了开头部分 / text cut at " + MAX_CHARS
            + " characters";
    /** Why a PDF was cut at {@link #MAX_PDF_PAGES}. */
    static final String PAGES_CUT = "PDF 超过 " + MAX_PDF_PAGES + " 页，只读取了前 " + MAX_PDF_PAGES + " 页 / PDF longer than "
            + MAX_PDF_PAGES + " pages, only the first " + MAX_PDF_PAGES + " read";

    private AttachmentText() {
    }

    static Text read(byte[] body, Format format) throws IOException {
        if (format != Format.PDF && isZip(body) && LargeOoxml.tooLargeForUsermodel(body)) {
            return LargeOoxml.read(body);
        }
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

    static Text pdf(byte[] body) throws IOException {
        try (PDDocument doc = Loader.loadPDF(body)) {
            CappedStripper stripper = new CappedStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(MAX_PDF_PAGES);
            Text text = cap(stripper.read(doc));
            if (stripper.cut) {
                return new Text(text.text(), true, TEXT_CUT);
            }
            return doc.getNumberOfPages() > MAX_PDF_PAGES ? new Text(text.text(), true, PAGES_CUT) : text;
        }
    }

    /**
     * PDFBox's stripper, stopped once {@link #MAX_CHARS} characters are out or held. Without it a page's glyphs
     * are all kept until the page ends: one page whose Flate-compressed content stream inflates to 200 MB of
     * text operators (a 600 KB file) ran a 1 GB heap out of memory, and 400 pages of small print were all laid
     * out though the text cap was reached half-way.
     */
    private static final class CappedStripper extends PDFTextStripper {
        private final StringWriter out = new StringWriter();
        private int onPage;
        boolean cut;

        String read(PDDocument doc) throws IOException {
            try {
                writeText(doc, out);
            } catch (Full full) {
                cut = true;
                writePage(); // the glyphs of the page being read when the cap was reached
            }
            return out.toString();
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            onPage = 0;
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (out.getBuffer().length() + ++onPage > MAX_CHARS) {
                throw new Full();
            }
            super.processTextPosition(text);
        }
    }

    /** Thrown by the readers here and in {@link LargeOoxml} and {@link LargeXls} to stop a parse at the text cap. */
    static final class Full extends RuntimeException {
        Full() {
            super(null, null, false, false);
        }
    }

    /** What a reader stopped by {@link Full} had written, cut to the cap and marked as cut. */
    static Text cut(CharSequence out) {
        return new Text(out.subSequence(0, Math.min(out.length(), MAX_CHARS)).toString(), true);
    }

    static Text excel(byte[] body) throws IOException {
        if (!isZip(body) && LargeXls.tooLargeForUsermodel(body)) {
            Text streamed = LargeXls.read(body);
            if (streamed != null) {
                return streamed;
            }
        }
        return usermodelExcel(body);
    }

    /** XLS or XLSX through POI's usermodel: every cell as {@link DataFormatter} shows it, formulas as written. */
    static Text usermodelExcel(byte[] body) throws IOException {
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

    static Text word(byte[] body) throws IOException {
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

    private static Text cap(String s) {
        return s.length() > MAX_CHARS ? new Text(s.substring(0, MAX_CHARS), true) : new Text(s, false);
    }

    private static boolean isZip(byte[] b) {
        return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
}
