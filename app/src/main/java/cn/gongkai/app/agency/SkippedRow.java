package cn.gongkai.app.agency;

import org.apache.poi.ss.util.CellReference;

/**
 * One row of an agency list that was not audited, and why: where it is (sheet, row, column; {@code cell} in A1
 * form), the value of the cell at fault as the file had it, and the reason in Chinese and English. Valid rows are
 * audited regardless; these are shown to whoever gave the list (console, {@code audit.log}, web page, REST API).
 *
 * @param file   the list's file name as its owner knows it (for an upload, the name it was uploaded under)
 * @param sheet  the worksheet, {@code null} for CSV
 * @param row    1-based row (line) number
 * @param column 1-based column number of the cell at fault
 * @param value  the cell's text, may be empty
 * @param zh     the reason, Chinese
 * @param en     the reason, English
 */
public record SkippedRow(String file, String sheet, int row, int column, String value, String zh, String en) {

    public SkippedRow {
        value = value == null ? "" : value;
    }

    /** The cell in A1 form, e.g. {@code B5}. */
    public String cell() {
        return columnLetters(column) + row;
    }

    /** Where the row is, in Chinese: 第5行第2列 (CSV) or 工作表“名单”单元格 B5 (workbook). */
    public String whereZh() {
        return sheet == null ? "第" + row + "行第" + column + "列" : "工作表“" + sheet + "”单元格 " + cell();
    }

    /** Where the row is, in English: row 5 column 2 (CSV) or sheet 名单 cell B5 (workbook). */
    public String whereEn() {
        return sheet == null ? "row " + row + " column " + column : "sheet " + sheet + " cell " + cell();
    }

    /** The same row for another file name (an upload is read from a temporary copy). */
    public SkippedRow inFile(String name) {
        return new SkippedRow(name, sheet, row, column, value, zh, en);
    }

    /** One line for the console and {@code audit.log}: {@code 第4行第1列 / row 4 column 1：单位名称为空 / empty 单位名称}. */
    @Override
    public String toString() {
        return whereZh() + " / " + whereEn() + "：" + zh + " / " + en;
    }

    /** POI's column letters; none for column 0 (a row whose column is not known). */
    private static String columnLetters(int column) {
        return column < 1 ? "" : CellReference.convertNumToColString(column - 1);
    }
}
