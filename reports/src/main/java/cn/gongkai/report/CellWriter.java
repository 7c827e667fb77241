package cn.gongkai.report;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes single cells safely and with a fixed, shared set of styles (a workbook may hold at most 64,000 styles,
 * so none are made per cell).
 *
 * <p>Text is only ever written as a string value, never with {@code setCellFormula}; text that looks like a
 * formula additionally gets the quote-prefixed variant of its style. Hyperlinks are made only for
 * {@link SafeText#httpUrl http(s) URLs}, and at most {@value #MAX_LINKS_PER_SHEET} per sheet (Excel refuses
 * files with more than 65,530 on one sheet).
 */
final class CellWriter {

    static final int MAX_LINKS_PER_SHEET = 65_000;

    private final CreationHelper helper;
    private final Map<Column.Kind, CellStyle> body = new EnumMap<>(Column.Kind.class);
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();
    private final Workbook workbook;
    private final CellStyle header;
    private final CellStyle label;
    private final CellStyle title;
    private final CellStyle reviewed;

    private final LinkSpool spool;
    private Sheet partSheet;
    private String partName;

    CellWriter(Workbook workbook) {
        this(workbook, null);
    }

    /**
     * @param spool where links go instead of POI's in-memory hyperlinks ({@code null}: POI hyperlinks); the
     *              workbook must then be a {@link StreamingWorkbook} whose written package the spool copies
     */
    CellWriter(Workbook workbook, LinkSpool spool) {
        this.spool = spool;
        this.workbook = workbook;
        this.helper = workbook.getCreationHelper();

        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font link = workbook.createFont();
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());

        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);

        label = workbook.createCellStyle();
        label.setFont(bold);

        title = workbook.createCellStyle();
        title.setFont(big);

        reviewed = workbook.createCellStyle();
        reviewed.setFont(bold);
        reviewed.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        reviewed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        reviewed.setBorderBottom(BorderStyle.THIN);
        reviewed.setBorderTop(BorderStyle.THIN);
        reviewed.setBorderLeft(BorderStyle.THIN);
        reviewed.setBorderRight(BorderStyle.THIN);
        reviewed.setWrapText(true);
        reviewed.setVerticalAlignment(VerticalAlignment.TOP);
        reviewed.setDataFormat(helper.createDataFormat().getFormat("0.0#"));

        for (Column.Kind kind : Column.Kind.values()) {
            CellStyle s = workbook.createCellStyle();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            switch (kind) {
                case TEXT -> { }
                case WRAP -> s.setWrapText(true);
                case INTEGER -> s.setDataFormat(helper.createDataFormat().getFormat("0"));
                case DECIMAL -> s.setDataFormat(helper.createDataFormat().getFormat("0.0#"));
                case PERCENT -> s.setDataFormat(helper.createDataFormat().getFormat("0.0%"));
                case LINK -> s.setFont(link);
            }
            body.put(kind, s);
        }
    }

    CellStyle headerStyle() {
        return header;
    }

    CellStyle labelStyle() {
        return label;
    }

    /** Bold, boxed and filled: a cell an assessor's review changed or confirmed. */
    CellStyle reviewedStyle() {
        return reviewed;
    }

    CellStyle titleStyle() {
        return title;
    }

    CellStyle style(Column.Kind kind) {
        return body.get(kind);
    }

    /** Writes {@code value} as the given column kind; {@code null} leaves the cell blank. */
    void write(Row row, int col, Column.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case INTEGER, DECIMAL, PERCENT -> {
                if (value instanceof Number n) {
                    number(row, col, n.doubleValue(), body.get(kind));
                } else {
                    text(row, col, value.toString(), body.get(Column.Kind.TEXT));
                }
            }
            case LINK -> link(row, col, value.toString());
            case TEXT, WRAP -> text(row, col, value.toString(), body.get(kind));
        }
    }

    /** A string cell; formula-like text keeps its characters and gets a quote-prefixed style. */
    Cell text(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        String value = SafeText.fitCell(text);
        cell.setCellValue(value);
        cell.setCellStyle(SafeText.isFormulaLike(value) ? quotedVariant(style) : style);
        return cell;
    }

    Cell number(Row row, int col, double value, CellStyle style) {
        Cell cell = row.createCell(col);
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
        return cell;
    }

    /** The URL as text, clickable when it is a valid http(s) URL and the sheet still has room for links. */
    Cell link(Row row, int col, String url) {
        Optional<String> target = SafeText.httpUrl(url);
        if (target.isEmpty() || linksOn(row.getSheet()) >= MAX_LINKS_PER_SHEET) {
            return text(row, col, url, body.get(Column.Kind.TEXT));
        }
        Cell cell = text(row, col, url, body.get(Column.Kind.LINK));
        if (spool != null) {
            try {
                spool.add(part(row.getSheet()), new CellReference(row.getRowNum(), col).formatAsString(), target.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool hyperlink", e);
            }
            return cell;
        }
        Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.URL);
        hyperlink.setAddress(target.get());
        cell.setHyperlink(hyperlink);
        return cell;
    }

    private int linksOn(Sheet sheet) {
        return spool == null ? sheet.getHyperlinkList().size() : spool.count(part(sheet));
    }

    /** The package part name of a sheet, e.g. {@code /xl/worksheets/sheet7.xml}, looked up once per sheet. */
    private String part(Sheet sheet) {
        if (sheet != partSheet) {
            partSheet = sheet;
            partName = ((SXSSFWorkbook) workbook).getXSSFWorkbook().getSheet(sheet.getSheetName())
                    .getPackagePart().getPartName().getName();
        }
        return partName;
    }

    private CellStyle quotedVariant(CellStyle style) {
        return quoted.computeIfAbsent(style, s -> {
            CellStyle q = workbook.createCellStyle();
            q.cloneStyleFrom(s);
            q.setQuotePrefixed(true);
            return q;
        });
    }
}
