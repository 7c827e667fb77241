package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agency list an assessor prepares: CSV (UTF-8, with or without BOM, or GBK as Excel saves it) or
 * XLSX/XLS, with at least the columns 单位名称 and 网站地址; 单位类型, 层级 and 信息公开地址 (one or more addresses separated
 * by 、 or a line break) are optional. Addresses written without a scheme get {@code http://}.
 */
public final class AgencyListReader {

    static final String NAME = "单位名称";
    static final String URL = "网站地址";
    static final String TYPE = "单位类型";
    static final String TIER = "层级";
    static final String DISCLOSURE = "信息公开地址";

    private AgencyListReader() {
    }

    public static AgencyList read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AgencyListException(file, List.of("文件不存在 / file not found"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return readWorkbook(file);
        }
        return fromRows(file, null, readCsv(file), List.of());
    }

    private static List<List<String>> readCsv(Path file) {
        try {
            String text = decode(Files.readAllBytes(file));
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
                for (CSVRecord r : parser) {
                    rows.add(r.toList());
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new AgencyListException(file, List.of("无法读取 CSV / cannot read CSV: " + e.getMessage()));
        }
    }

    /** UTF-8 (BOM dropped) when the bytes are valid UTF-8; otherwise GB18030, as Excel on Chinese Windows saves. */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static AgencyList readWorkbook(Path file) {
        DataFormatter format = new DataFormatter();
        // A formula cell shows what Excel shows (its cached result), not the formula text.
        format.setUseCachedValuesForFormulaCells(true);
        String sheetName;
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> links = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            sheetName = sheet.getSheetName();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                List<String> targets = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                        targets.add(cell == null ? null : linkTarget(cell));
                    }
                }
                rows.add(cells);
                links.add(targets);
            }
        } catch (EncryptedDocumentException e) {
            throw new AgencyListException(file, List.of("Excel 文件有密码保护，请另存为无密码的文件 / workbook is password-protected: save it without a password"));
        } catch (NotOfficeXmlFileException | NotOLE2FileException e) {
            throw new AgencyListException(file, List.of("不是有效的 Excel 文件（已损坏？）/ not a valid workbook (corrupt?): " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new AgencyListException(file, List.of("无法读取 Excel 文件（已损坏？）/ cannot read workbook (corrupt?): " + e));
        }
        return fromRows(file, sheetName, rows, links);
    }

    private static final Pattern HYPERLINK_FORMULA =
            Pattern.compile("^\\s*HYPERLINK\\(\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /**
     * Where a cell links to: its hyperlink, or the literal first argument of a {@code HYPERLINK("…","…")} formula.
     * Hand-made lists often show a site's name in the 网站地址 column and keep the address in the link.
     */
    private static String linkTarget(Cell cell) {
        Hyperlink link = cell.getHyperlink();
        if (link != null && link.getAddress() != null) {
            return link.getAddress().strip();
        }
        if (cell.getCellType() == CellType.FORMULA) {
            Matcher m = HYPERLINK_FORMULA.matcher(cell.getCellFormula());
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    static AgencyList fromRows(Path file, List<List<String>> rows) {
        return fromRows(file, null, rows, List.of());
    }

    /** Where a row is, for messages: 第5行 / row 5, or 工作表“名单”第5行 / sheet 名单 row 5. */
    private static String where(String sheet, int line) {
        return sheet == null ? "第" + line + "行 / row " + line : "工作表“" + sheet + "”第" + line + "行 / sheet " + sheet + " row " + line;
    }

    private static AgencyList fromRows(Path file, String sheet, List<List<String>> rows, List<List<String>> links) {
        if (rows.stream().allMatch(r -> r.stream().allMatch(c -> c == null || c.isBlank()))) {
            throw new AgencyListException(file, List.of("文件为空 / file is empty"));
        }
        // The header is the first row naming both required columns; a title row above it (often merged across
        // the table in a hand-made workbook) is skipped. Without such a row, the first non-empty row is the header.
        int headerRow = -1;
        for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
            Map<String, Integer> h = header(rows.get(r));
            if (h.containsKey(NAME) && h.containsKey(URL)) {
                headerRow = r;
            }
        }
        if (headerRow < 0) {
            int firstFilled = 0;
            while (rows.get(firstFilled).stream().allMatch(c -> c == null || c.isBlank())) {
                firstFilled++;
            }
            Map<String, Integer> h = header(rows.get(firstFilled));
            List<String> missing = new ArrayList<>();
            for (String required : List.of(NAME, URL)) {
                if (!h.containsKey(required)) {
                    missing.add(where(sheet, firstFilled + 1) + "：缺少列“" + required + "”（表头为 " + h.keySet()
                            + "）/ missing column " + required + " (header is " + h.keySet() + ")");
                }
            }
            throw new AgencyListException(file, missing);
        }
        Map<String, Integer> header = header(rows.get(headerRow));
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Agency> agencies = new ArrayList<>();
        List<SkippedRow> skipped = new ArrayList<>();
        Map<String, AgencyList.Origin> origins = new HashMap<>();
        Set<String> names = new HashSet<>();
        int nameCol = header.get(NAME);
        int urlCol = header.get(URL);
        for (int r = headerRow + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            String name = cell(row, nameCol);
            String url = cell(row, urlCol);
            String target = r < links.size() ? cell(links.get(r), urlCol) : "";
            url = Addresses.withScheme(url);
            if (!isHttpUrl(url) && isHttpUrl(Addresses.withScheme(target))) {
                url = Addresses.withScheme(target);   // the cell shows a label (or a formula) and links to the site
            }
            Integer disclosureCol = header.get(DISCLOSURE);
            List<String> disclosure = disclosureCol == null ? List.of() : disclosureUrls(row, links, r, disclosureCol);
            String badDisclosure = disclosure.stream().filter(u -> !isHttpUrl(u)).findFirst().orElse(null);
            if (name.isEmpty() && url.isEmpty() && r == headerRow + 1) {
                continue;   // the lower half of header cells merged over two rows, with sub-labels beside them
            }
            if (name.isEmpty()) {
                skipped.add(new SkippedRow(fileName, sheet, line, nameCol + 1, name, "单位名称为空", "empty 单位名称"));
            } else if (looksLikeFormula(name)) {
                skipped.add(new SkippedRow(fileName, sheet, line, nameCol + 1, name,
                        "单位名称以 " + name.charAt(0) + " 开头，像电子表格公式“" + name + "”，不予采用",
                        "单位名称 starts with " + name.charAt(0) + " like a spreadsheet formula: " + name + ", not used"));
            } else if (!isHttpUrl(url)) {
                skipped.add(new SkippedRow(fileName, sheet, line, urlCol + 1, url,
                        "网站地址不是有效的 http(s) 地址“" + url + "”", "not an http(s) URL: " + url));
            } else if (badDisclosure != null) {
                skipped.add(new SkippedRow(fileName, sheet, line, disclosureCol + 1, cell(row, disclosureCol),
                        "信息公开地址不是有效的 http(s) 地址“" + badDisclosure + "”（多个地址请用“、”或换行分隔）",
                        "信息公开地址 holds something that is not an http(s) URL: " + badDisclosure
                                + " (separate several addresses with 、 or a line break)"));
            } else if (!names.add(name)) {
                skipped.add(new SkippedRow(fileName, sheet, line, nameCol + 1, name,
                        "单位重复“" + name + "”，已按首次出现的行测评", "duplicate agency " + name + ", the first row is used"));
            } else {
                AgencyType type = AgencyType.fromLabel(header.containsKey(TYPE) ? cell(row, header.get(TYPE)) : inferType(name));
                String tier = header.containsKey(TIER) ? cell(row, header.get(TIER)) : null;
                agencies.add(new Agency(name, url, type, tier, disclosure));
                origins.put(name, new AgencyList.Origin(sheet, line, urlCol + 1));
            }
        }
        if (agencies.isEmpty()) {
            List<String> problems = new ArrayList<>(skipped.stream().map(SkippedRow::toString).toList());
            problems.add("没有可审计的单位 / no usable agency rows");
            throw new AgencyListException(file, problems);
        }
        return new AgencyList(agencies, skipped, origins);
    }

    /**
     * The 信息公开地址 of a row: the addresses written in the cell, or, when the cell shows a label that is no address,
     * the address its hyperlink points to.
     */
    private static List<String> disclosureUrls(List<String> row, List<List<String>> links, int r, int col) {
        List<String> written = Addresses.split(cell(row, col));
        String target = r < links.size() ? cell(links.get(r), col) : "";
        if (!target.isEmpty() && (written.isEmpty() || written.stream().noneMatch(AgencyListReader::isHttpUrl))) {
            List<String> linked = Addresses.split(target);
            if (!linked.isEmpty() && linked.stream().allMatch(AgencyListReader::isHttpUrl)) {
                return linked;
            }
        }
        return written;
    }

    /**
     * A name starting with = + - @ is a formula to a spreadsheet: it would run when an assessor opens a CSV the
     * tool writes (OWASP “CSV injection”), and no agency is called that.
     */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    /** How far down a hand-made sheet the header row is looked for (below a title and a note or two). */
    private static final int HEADER_SEARCH_ROWS = 10;

    private static Map<String, Integer> header(List<String> row) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int c = 0; c < row.size(); c++) {
            String label = row.get(c) == null ? "" : row.get(c).replace("\uFEFF", "").replaceAll("\\s+", "");
            if (!label.isEmpty()) {
                header.putIfAbsent(label, c);
            }
        }
        return header;
    }

    /** Without a 单位类型 column, a name ending in 人民政府 is a government. */
    private static String inferType(String name) {
        return name.endsWith("人民政府") ? "政府" : "部门";
    }

    private static String cell(List<String> row, int col) {
        return col < row.size() && row.get(col) != null ? row.get(col).strip() : "";
    }

    static boolean isHttpUrl(String text) {
        return Addresses.isHttpUrl(text);
    }
}
