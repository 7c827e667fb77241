package cn.gongkai.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.eventusermodel.EventWorkbookBuilder.SheetRecordCollectingListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.model.HSSFFormulaParser;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.formula.ptg.ExpPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * XLS (BIFF8) too large for POI's HSSF usermodel. {@code HSSFWorkbook} turns every record of every sheet into
 * objects before a cell is read, and an OLE2 file is not compressed, so memory grows with the file and only the
 * crawler's byte cap bounds it: a 10 MB workbook of 93,000 rows kept 70 MB live and allocated 324 MB (0.37 s
 * warm); a 26 MB one, 780 MB. Past {@link #USERMODEL_BYTES} the workbook is instead read with POI's event API
 * ({@link HSSFEventFactory}): records go by one at a time, numbers are formatted as the usermodel's
 * {@code DataFormatter} formats them (their formats tracked by {@link FormatTrackingHSSFListener}), formulas are
 * written as their text (as the usermodel path writes them), and the read stops as soon as
 * {@link AttachmentText#MAX_CHARS} characters of text are out. The shared string table is still read whole (it
 * precedes the sheets; 17 MB live for that file's 93,000 distinct strings): the same file allocated 200 MB
 * (0.2 s warm), most of it POI decoding records.
 *
 * <p>Below the threshold the usermodel keeps reading: it writes shared and array formulas as their text, which the
 * event path writes as their cached values.
 */
final class LargeXls {

    /**
     * File bytes beyond which a workbook is read as a stream: an ordinary 决算 or 预算 workbook is tens to hundreds
     * of KB, and the usermodel allocates about 40 times the file (~80 MB at 2 MB).
     */
    static final long USERMODEL_BYTES = 2L * 1024 * 1024;

    private LargeXls() {
    }

    static boolean tooLargeForUsermodel(byte[] ole2) {
        return ole2.length > USERMODEL_BYTES;
    }

    /**
     * The text of an XLS workbook, as {@link AttachmentText#excel} gives it, up to the cap; {@code null} when the
     * OLE2 file holds no BIFF8 workbook stream (a DOC, an encrypted XLSX, an old BIFF5 book), so the caller's
     * usermodel path gives its usual answer or error for it.
     */
    static AttachmentText.Text read(byte[] ole2) throws IOException {
        Cells cells = new Cells();
        SheetRecordCollectingListener workbook = new SheetRecordCollectingListener(cells);
        FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(workbook);
        cells.workbook = workbook;
        cells.formats = formats;
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(formats);
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(ole2))) {
            if (!isWorkbook(fs)) {
                return null;
            }
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        } catch (AttachmentText.Full full) {
            return AttachmentText.cut(cells.out);
        }
        cells.endRow();
        return new AttachmentText.Text(cells.out.toString(), false);
    }

    private static boolean isWorkbook(POIFSFileSystem fs) {
        try {
            HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot());
            return true;
        } catch (RuntimeException notBiff8) {
            return false;
        }
    }

    /** Writes each sheet's name, then its rows' non-empty cells, tab-separated, a line per row. */
    private static final class Cells implements HSSFListener {
        final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private final List<BoundSheetRecord> bound = new ArrayList<>();
        private BoundSheetRecord[] sheets;
        SheetRecordCollectingListener workbook;
        FormatTrackingHSSFListener formats;
        private SSTRecord strings;
        /** As the usermodel's {@code DataFormatter} formats a cell; dates counted from 1904 if the book says so. */
        private final DataFormatter formatter = new DataFormatter();
        private boolean date1904;
        private int depth;
        private int sheet = -1;
        private int row = -1;
        /** A formula written as its cached string result, which comes in the record after it. */
        private FormulaRecord awaitingString;

        @Override
        public void processRecord(Record record) {
            if (record instanceof BoundSheetRecord b) {
                bound.add(b);
            } else if (record instanceof DateWindow1904Record window) {
                date1904 = window.getWindowing() == 1;
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof BOFRecord bof) {
                // a chart embedded in a sheet has its own BOF … EOF inside the sheet's
                if (depth++ == 0 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    startSheet();
                }
            } else if (record instanceof EOFRecord) {
                depth = Math.max(0, depth - 1);
            } else if (record instanceof LabelSSTRecord l) {
                cell(l, strings == null ? "" : strings.getString(l.getSSTIndex()).getString());
            } else if (record instanceof LabelRecord l) {
                cell(l, l.getValue());
            } else if (record instanceof NumberRecord n) {
                cell(n, number(n, n.getValue()));
            } else if (record instanceof BoolErrRecord b) {
                cell(b, b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE")
                        : FormulaError.forInt(b.getErrorValue()).getString());
            } else if (record instanceof FormulaRecord f) {
                formula(f);
            } else if (record instanceof StringRecord s && awaitingString != null) {
                cell(awaitingString, s.getString());
                awaitingString = null;
            }
        }

        private void startSheet() {
            endRow();
            if (sheets == null) {
                sheets = BoundSheetRecord.orderByBofPosition(bound);
            }
            sheet++;
            row = -1;
            out.append(sheet < sheets.length ? sheets[sheet].getSheetname() : "").append('\n');
            full();
        }

        private void formula(FormulaRecord f) {
            Ptg[] tokens = f.getParsedExpression();
            if (!(tokens.length == 1 && tokens[0] instanceof ExpPtg)) { // not a shared or array formula's reference
                try {
                    cell(f, HSSFFormulaParser.toFormulaString(workbook.getStubHSSFWorkbook(), tokens));
                    return;
                } catch (RuntimeException unrenderable) {
                    // fall through to the cached value
                }
            }
            CellType type = f.getCachedResultTypeEnum();
            switch (type) {
                case NUMERIC -> cell(f, number(f, f.getValue()));
                case BOOLEAN -> cell(f, f.getCachedBooleanValue() ? "TRUE" : "FALSE");
                case ERROR -> cell(f, FormulaError.forInt(f.getCachedErrorValue()).getString());
                case STRING -> awaitingString = f;
                default -> {
                }
            }
        }

        private String number(CellValueRecordInterface cell, double value) {
            int index = formats.getFormatIndex(cell);
            String format = index < 0 ? null : formats.getFormatString(index);
            return format == null ? formatter.formatRawCellContents(value, 0, "General", date1904)
                    : formatter.formatRawCellContents(value, index, format, date1904);
        }

        private void cell(CellValueRecordInterface cell, String text) {
            if (cell.getRow() != row) {
                endRow();
                row = cell.getRow();
            }
            String v = text.strip();
            if (!v.isEmpty()) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(v);
            }
        }

        void endRow() {
            if (line.length() > 0) {
                out.append(line).append('\n');
                line.setLength(0);
                full();
            }
        }

        private void full() {
            if (out.length() > AttachmentText.MAX_CHARS) {
                throw new AttachmentText.Full();
            }
        }
    }
}
