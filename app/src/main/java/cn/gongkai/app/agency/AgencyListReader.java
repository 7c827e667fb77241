package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the agency list an assessor prepares: CSV (UTF-8, with or without BOM, or GBK as Excel saves it) or
 * XLSX/XLS, with at least the columns 单位名称 and 网站地址; 单位类型 and 层级 are optional.
 */
public final class AgencyListReader {

    static final String NAME = "单位名称";
    static final String URL = "网站地址";
    static final String TYPE = "单位类型";
    static final String TIER = "层级";

    private AgencyListReader() {
    }

    public static AgencyList read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AgencyListException(file, List.of("文件不存在 / file not found"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> rows = name.endsWith(".xlsx") || name.endsWith(".xls") ? readWorkbook(file) : readCsv(file);
        return fromRows(file, rows);
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

    private static List<List<String>> readWorkbook(Path file) {
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new AgencyListException(file, List.of("无法读取 Excel 文件（已损坏或加密？）/ cannot read workbook (corrupt or encrypted?): " + e.getMessage()));
        }
    }

    static AgencyList fromRows(Path file, List<List<String>> rows) {
        if (rows.isEmpty()) {
            throw new AgencyListException(file, List.of("文件为空 / file is empty"));
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> first = rows.get(0);
        for (int c = 0; c < first.size(); c++) {
            header.putIfAbsent(first.get(c).strip().replace("\uFEFF", ""), c);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of(NAME, URL)) {
            if (!header.containsKey(required)) {
                missing.add("第1行缺少列“" + required + "” / row 1: missing column " + required);
            }
        }
        if (!missing.isEmpty()) {
            throw new AgencyListException(file, missing);
        }
        List<Agency> agencies = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            String name = cell(row, header.get(NAME));
            String url = cell(row, header.get(URL));
            if (name.isEmpty()) {
                skipped.add("第" + line + "行：单位名称为空 / row " + line + ": empty 单位名称");
            } else if (!isHttpUrl(url)) {
                skipped.add("第" + line + "行：网站地址不是有效的 http(s) 地址“" + url + "” / row " + line + ": not an http(s) URL: " + url);
            } else if (!names.add(name)) {
                skipped.add("第" + line + "行：单位重复“" + name + "” / row " + line + ": duplicate agency " + name);
            } else {
                AgencyType type = AgencyType.fromLabel(header.containsKey(TYPE) ? cell(row, header.get(TYPE)) : inferType(name));
                String tier = header.containsKey(TIER) ? cell(row, header.get(TIER)) : null;
                agencies.add(new Agency(name, url, type, tier));
            }
        }
        if (agencies.isEmpty()) {
            List<String> problems = new ArrayList<>(skipped);
            problems.add("没有可审计的单位 / no usable agency rows");
            throw new AgencyListException(file, problems);
        }
        return new AgencyList(agencies, skipped);
    }

    /** Without a 单位类型 column, a name ending in 人民政府 is a government. */
    private static String inferType(String name) {
        return name.endsWith("人民政府") ? "政府" : "部门";
    }

    private static String cell(List<String> row, int col) {
        return col < row.size() && row.get(col) != null ? row.get(col).strip() : "";
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
