package cn.gongkai.engine.rule;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The waivers (豁免) in force on an assessment date, read from a YAML or XLSX file an assessor keeps: columns or keys
 * 单位名称 / agency, 条目 / rule, 理由 / justification, 有效期至 / expires, 批准人 / approver. A malformed row or an
 * expired waiver is reported in {@link #problems()} and never used. A waived finding keeps its status and evidence
 * but carries the waiver note and leaves the full marks (like a not-applicable item), so it stays visible in the
 * workbook and findings.json.
 */
public final class Waivers {

    public static final Waivers NONE = new Waivers(List.of(), List.of());

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<String, String> HEADERS = Map.of(
            "单位名称", "agency", "条目", "rule", "理由", "justification", "有效期至", "expires", "批准人", "approver");

    private final List<Waiver> waivers;
    private final List<String> problems;

    private Waivers(List<Waiver> waivers, List<String> problems) {
        this.waivers = List.copyOf(waivers);
        this.problems = List.copyOf(problems);
    }

    public List<Waiver> waivers() {
        return waivers;
    }

    /** Malformed and expired waivers, each naming file and row, in Chinese and English. */
    public List<String> problems() {
        return problems;
    }

    /** Reads a waiver file ({@code .yaml}/{@code .yml} or {@code .xlsx}) and keeps the waivers in force on {@code asOf}. */
    public static Waivers read(Path file, LocalDate asOf) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Map<String, String>> rows = name.endsWith(".xlsx") || name.endsWith(".xls") ? xlsxRows(file) : yamlRows(file);
        List<Waiver> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            String where = file.getFileName() + (name.endsWith(".xlsx") || name.endsWith(".xls") ? " 第 " + (i + 2) + " 行" : " 第 " + (i + 1) + " 条");
            List<String> missing = new ArrayList<>();
            for (String key : List.of("agency", "rule", "justification", "expires", "approver")) {
                if (r.getOrDefault(key, "").isBlank()) missing.add(key);
            }
            if (!missing.isEmpty()) {
                problems.add(where + "：豁免缺少 " + missing + "，未使用 / waiver missing " + missing + ", not used");
                continue;
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(r.get("expires").strip());
            } catch (DateTimeParseException e) {
                problems.add(where + "：有效期至“" + r.get("expires") + "”不是 YYYY-MM-DD 日期，未使用 / expires is not a date, not used");
                continue;
            }
            Waiver w = new Waiver(r.get("agency").strip(), r.get("rule").strip(), r.get("justification").strip(), expires,
                    r.get("approver").strip(), where);
            if (expires.isBefore(asOf)) {
                problems.add(where + "：" + w.agency() + " 的 " + w.rule() + " 豁免已于 " + expires + " 过期，未使用 / waiver expired, not used");
                continue;
            }
            valid.add(w);
        }
        return new Waivers(valid, problems);
    }

    /** The findings of one agency with waivers applied: status kept, note added, points out of the full marks. */
    public List<Finding> apply(String agencyName, List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Waiver w = waivers.stream().filter(x -> x.covers(agencyName, f)).findFirst().orElse(null);
            out.add(w == null || f.status() == FindingStatus.NOT_APPLICABLE ? f
                    : new Finding(f.rule(), f.item(), f.title(), f.area(), f.status(), 0, 0, f.evidence(),
                            w.note() + " " + f.explanation(), false));
        }
        return out;
    }

    private static List<Map<String, String>> yamlRows(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IOException("豁免文件 " + file + " 不是有效的 YAML：" + e.getOriginalMessage()
                    + " / waiver file is not valid YAML", e);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode n : root.path("waivers")) {
            Map<String, String> row = new HashMap<>();
            n.properties().forEach(e -> row.put(HEADERS.getOrDefault(e.getKey(), e.getKey()), e.getValue().asString("")));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> xlsxRows(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            List<String> keys = new ArrayList<>();
            header.forEach(c -> keys.add(HEADERS.getOrDefault(fmt.formatCellValue(c).strip(), fmt.formatCellValue(c).strip())));
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = sheet.getFirstRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                Map<String, String> values = new HashMap<>();
                for (int c = 0; row != null && c < keys.size(); c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell)
                            ? cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString()
                            : fmt.formatCellValue(cell);
                    values.put(keys.get(c), v);
                }
                if (values.values().stream().anyMatch(v -> !v.isBlank())) {
                    rows.add(values);
                }
            }
            return rows;
        }
    }
}
