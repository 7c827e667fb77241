package cn.gongkai.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.List;

/**
 * Writes a table of rows under a header row, generically from its {@link Column} declarations, then finishes the
 * sheet for assessors: header frozen, autofilter, widths fitted to the text written (CJK counting double),
 * header repeated on every printed page and the width fitted to one page.
 *
 * @param <R> the row type
 */
final class SheetTable<R> {

    private static final int MIN_WIDTH = 6;
    private static final int MAX_TEXT_WIDTH = 40;
    private static final int MAX_WRAP_WIDTH = 60;

    private final Sheet sheet;
    private final CellWriter cells;
    private final List<Column<R>> columns;
    private final int headerRow;
    private final int[] widths;
    private int nextRow;

    /** Starts a table whose header goes in row {@code headerRow} (0-based); rows above it are the caller's. */
    SheetTable(Sheet sheet, CellWriter cells, List<Column<R>> columns, int headerRow) {
        this.sheet = sheet;
        this.cells = cells;
        this.columns = List.copyOf(columns);
        this.headerRow = headerRow;
        this.widths = new int[columns.size()];
        Row row = sheet.createRow(headerRow);
        for (int c = 0; c < columns.size(); c++) {
            String header = columns.get(c).header();
            cells.text(row, c, header, cells.headerStyle());
            int headerWidth = 0;
            for (String line : header.split("\n")) {
                headerWidth = Math.max(headerWidth, SafeText.displayWidth(line));
            }
            widths[c] = Math.max(MIN_WIDTH, Math.min(MAX_TEXT_WIDTH, headerWidth));
        }
        nextRow = headerRow + 1;
    }

    /** Appends one row and returns it (still in the streaming window). */
    Row add(R item) {
        Row row = sheet.createRow(nextRow++);
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            Object value = column.value().apply(item);
            cells.write(row, c, column.kind(), value);
            if (value != null) {
                widths[c] = Math.max(widths[c], widthOf(column.kind(), value));
            }
        }
        return row;
    }

    /** Index of the last row written (the header row when there are none). */
    int lastRow() {
        return nextRow - 1;
    }

    /** Widens a column to fit text written outside the table (e.g. a header block above it). */
    void fit(int column, String text) {
        widths[column] = Math.max(widths[column], Math.min(MAX_TEXT_WIDTH, SafeText.displayWidth(text)));
    }

    /** Applies widths, freeze panes, autofilter and print setup. Call once, after the last row. */
    void finish() {
        finishLayout();
        int lastCol = columns.size() - 1;
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, nextRow - 1), 0, lastCol));
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    /**
     * Applies widths and print setup only: for a short table low on a sheet, where a frozen header would pin
     * most of the screen.
     */
    void finishLayout() {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (widths[c] + 2) * 256);
        }
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    private static int widthOf(Column.Kind kind, Object value) {
        return switch (kind) {
            case INTEGER, DECIMAL, PERCENT -> 8;
            case WRAP -> Math.min(MAX_WRAP_WIDTH, SafeText.displayWidth(value.toString()));
            case TEXT, LINK -> Math.min(MAX_TEXT_WIDTH, SafeText.displayWidth(value.toString()));
        };
    }
}
