package cn.gongkai.report;

import java.util.function.Function;

/**
 * One column of a worksheet table, declared once: its Chinese header, how its cells are written, and how a row
 * object yields the cell's value ({@code null} leaves the cell blank).
 *
 * @param <R> the row type the table renders
 */
record Column<R>(String header, Kind kind, Function<R, ?> value) {

    /** How a column's values become cells. */
    enum Kind {
        /** Short text on one line. */
        TEXT,
        /** Long text, wrapped within a capped column width. */
        WRAP,
        /** Whole number. */
        INTEGER,
        /** Points, one or two decimals. */
        DECIMAL,
        /** A fraction shown as a percentage (0.725 → 72.5%). */
        PERCENT,
        /** A URL: a clickable hyperlink when it is http(s), plain text otherwise. */
        LINK
    }

    static <R> Column<R> of(String header, Kind kind, Function<R, ?> value) {
        return new Column<>(header, kind, value);
    }
}
