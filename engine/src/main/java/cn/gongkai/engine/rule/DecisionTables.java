package cn.gongkai.engine.rule;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools spreadsheet decision tables in a rule pack (.xlsx, .xls, .csv listed under {@code rules:} like DRL files):
 * each sheet holding a {@code RuleTable} is turned into DRL by Drools' own {@link SpreadsheetCompiler} and then
 * compiled with the pack's DRL. The generated DRL is stored in {@link RulePack#rules()} under
 * {@code file!sheet} ({@code file} for CSV), so problems found later — a rule that does not compile, an item id
 * {@code pack.yaml} lacks — are reported at the table's cell, not at a line of DRL the assessor never saw.
 *
 * <p>Drools' parser stops at the first problem and names no sheet; the header checks here run first, on every
 * sheet, so one validation lists every broken table of the workbook.
 */
final class DecisionTables {

    /** Where a rule's values are: Drools writes {@code // rule values at C11, header at B5} above each rule. */
    private static final Pattern RULE_CELL = Pattern.compile("^// rule values at ([A-Z]+[0-9]+), header at ([A-Z]+[0-9]+)");
    private static final Pattern RULE_NAMED = Pattern.compile("(?:Rule name='|in rule \")([^'\"]+)['\"]");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("cells? \\[?([A-Z]{1,3}[0-9]+)");
    /** Column kinds that are rule attributes, read by full name before Drools falls back to the first letter. */
    private static final Set<String> ATTRIBUTES = Set.of("NAME", "DESCRIPTION", "PRIORITY",
            "DURATION", "TIMER", "CALENDARS", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP",
            "AGENDA-GROUP", "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES");
    /** Rows under the RuleTable cell: column kind (CONDITION/ACTION…), object type, code, label. */
    private static final int HEADER_ROWS = 4;

    private DecisionTables() {
    }

    /** Whether a file listed under {@code rules:} is a decision table rather than DRL. */
    static boolean isTable(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".xlsx") || f.endsWith(".xls") || f.endsWith(".csv");
    }

    /** Whether a key of {@link RulePack#rules()} holds DRL generated from a decision table. */
    static boolean isTableKey(String key) {
        int bang = key.indexOf('!');
        return isTable(bang < 0 ? key : key.substring(0, bang));
    }

    /**
     * The DRL of every table in {@code bytes}, by {@code file!sheet} (or {@code file} for CSV); problems go to
     * {@code problems} with the file, sheet and cell at fault.
     */
    static Map<String, String> toDrl(String packId, String file, byte[] bytes, List<PackProblem> problems) {
        Map<String, String> drl = new LinkedHashMap<>();
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            compile(packId, file, null, () -> new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.CSV),
                    problems).ifPresent(text -> drl.put(file, text));
            return drl;
        }
        List<String> tableSheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                sheets.add(sheet.getSheetName());
                if (checkHeader(packId, file, sheet, problems)) {
                    tableSheets.add(sheet.getSheetName());
                }
            }
            if (tableSheets.isEmpty() && problems.stream().noneMatch(p -> p.file().startsWith(file + ":"))) {
                problems.add(new PackProblem(packId, file, 0,
                        "工作簿中没有决策表：工作表 " + sheets + " 都没有 RuleTable 单元格",
                        "no decision table in the workbook: no sheet of " + sheets + " has a RuleTable cell"));
            }
        } catch (EncryptedDocumentException e) {
            problems.add(new PackProblem(packId, file, 0, "Excel 文件有密码保护，请去掉密码后再放入规则包",
                    "the workbook is password-protected; remove the password"));
            return drl;
        } catch (IOException | RuntimeException e) {
            problems.add(new PackProblem(packId, file, 0, "不是有效的 Excel 文件（已损坏？）：" + e.getMessage(),
                    "not a valid Excel file (corrupt?): " + e.getMessage()));
            return drl;
        }
        for (String sheet : tableSheets) {
            compile(packId, file, sheet, () -> new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), sheet),
                    problems).ifPresent(text -> drl.put(file + "!" + sheet, text));
        }
        return drl;
    }

    private static Optional<String> compile(String packId, String file, String sheet,
                                                      Supplier<String> compiler,
                                                      List<PackProblem> problems) {
        try {
            return Optional.of(compiler.get());
        } catch (RuntimeException e) {
            String english = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            Matcher cell = CELL_IN_MESSAGE.matcher(english);
            String where = where(file, sheet, cell.find() ? cell.group(1) : null);
            problems.add(new PackProblem(packId, where, 0, chinese(english), "decision table cannot be read: " + english));
            return Optional.empty();
        }
    }

    /** Drools' parser messages, said in Chinese with what to fix; the English original follows in the problem. */
    private static String chinese(String english) {
        if (english.contains("does not have an 'ACTION' or 'CONDITION' column header")) {
            return "这一列在 RuleTable 下第1行没有 CONDITION 或 ACTION 列头（表头错位或缺列头？）";
        }
        if (english.contains("does not contain any code specification")) {
            return "代码行（RuleTable 下第3行）为空：CONDITION/ACTION 列必须写代码片段";
        }
        if (english.contains("meant for object declarations")) {
            return "对象类型行（RuleTable 下第2行）里出现了 $param 代码片段：少了对象类型行，请在代码行之上插入一行";
        }
        if (english.contains("Invalid column header")) {
            return "列头不是 CONDITION、ACTION 或规则属性（如 NAME、PRIORITY、METADATA）";
        }
        if (english.contains("leave this cell blank")) {
            return "这一列的列头不是 CONDITION/ACTION/METADATA，代码行的这个单元格应留空";
        }
        if (english.contains("Maximum number of")) {
            return "这种列头在一张表里只能有一个（如 NAME、PRIORITY）";
        }
        if (english.contains("has an empty column header")) {
            return "数据单元格所在的列没有列头";
        }
        if (english.contains("No RuleTable")) {
            return "没有 RuleTable 单元格，不是决策表";
        }
        return "决策表无法读取";
    }

    /**
     * Checks one sheet's header; returns whether the sheet holds a table to compile. A sheet with neither
     * RuleSet nor RuleTable is a note sheet (说明) and is skipped.
     */
    private static boolean checkHeader(String packId, String file, Sheet sheet, List<PackProblem> problems) {
        String ruleSet = null;
        List<Cell> tables = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.STRING) continue;
                String text = cell.getStringCellValue().strip();
                if (text.equalsIgnoreCase("RuleSet") && ruleSet == null) {
                    ruleSet = ref(cell);
                } else if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    tables.add(cell);
                }
            }
        }
        String name = sheet.getSheetName();
        if (ruleSet == null && tables.isEmpty()) {
            return false;
        }
        int before = problems.size();
        if (tables.isEmpty()) {
            problems.add(new PackProblem(packId, where(file, name, ruleSet), 0,
                    "有 RuleSet 却没有 RuleTable：这张工作表不是决策表（RuleTable 单元格写在规则表左上角，如“RuleTable 找到文档”）",
                    "RuleSet without a RuleTable: the sheet is not a decision table"));
        }
        if (ruleSet == null) {
            problems.add(new PackProblem(packId, where(file, name, ref(tables.get(0))), 0,
                    "缺少 RuleSet：在 RuleTable 之上写 RuleSet 及规则包名，并用 Import、Variables 写明事实类型和 ctx",
                    "no RuleSet: put RuleSet with the package name, Import and Variables above the RuleTable"));
        }
        for (Cell table : tables) {
            int top = table.getRowIndex();
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                boolean inHeader = merged.getFirstRow() <= top + HEADER_ROWS && merged.getLastRow() >= top;
                if (inHeader && merged.getFirstRow() != merged.getLastRow()) {
                    problems.add(new PackProblem(packId, where(file, name, merged.formatAsString()), 0,
                            "表头单元格跨行合并：RuleTable 及其下4行（列头、对象类型、代码、说明）每行各占一行，不能上下合并",
                            "header cells merged across rows: the RuleTable row and the 4 rows below it must stay separate"));
                }
            }
            Row kinds = sheet.getRow(top + 1);
            Row code = sheet.getRow(top + 3);
            boolean hasColumn = false;
            if (kinds != null) {
                for (Cell c : kinds) {
                    if (c.getColumnIndex() >= table.getColumnIndex() && c.getCellType() == CellType.STRING
                            && !c.getStringCellValue().isBlank()) {
                        hasColumn = true;
                        // Drools skips a blank code cell and then silently drops the column's values.
                        String kind = c.getStringCellValue().strip().toUpperCase(Locale.ROOT);
                        boolean needsCode = !ATTRIBUTES.contains(kind)
                                && (kind.startsWith("C") || kind.startsWith("A") || kind.startsWith("@") || kind.equals("METADATA"));
                        Cell snippet = code == null ? null : code.getCell(c.getColumnIndex());
                        if (needsCode && (snippet == null || snippet.getCellType() != CellType.STRING
                                || snippet.getStringCellValue().isBlank())) {
                            problems.add(new PackProblem(packId, where(file, name,
                                    new CellReference(top + 3, c.getColumnIndex()).formatAsString()), 0,
                                    "代码行（RuleTable 下第3行）为空：" + kind + " 列必须写代码片段，否则这一列的取值会被忽略",
                                    "empty code cell: a " + kind + " column needs a snippet, or its values are ignored"));
                        }
                    }
                }
            }
            if (!hasColumn) {
                problems.add(new PackProblem(packId, where(file, name, new CellReference(top + 1, table.getColumnIndex()).formatAsString()), 0,
                        "RuleTable 下一行应是列头（CONDITION、ACTION …），这里是空的",
                        "the row below RuleTable must hold the column kinds (CONDITION, ACTION …) and is empty"));
            }
        }
        return problems.size() == before;
    }

    /**
     * The place of a problem at DRL {@code line} of a table's generated DRL: {@code file:sheet!cell} of the first
     * cell of the rule's row (the rule above that line), or the table's file and sheet when no rule is above it.
     */
    static String cellOf(String key, String drl, int line) {
        return cellOf(key, drl, line, "", 0);
    }

    /**
     * As {@link #cellOf(String, String, int)}; when the compiler gave no line (MVEL analysis errors), the rule
     * named in {@code message} ({@code Rule name='…'} or {@code in rule "…"}), else the {@code occurrence}-th DRL
     * line holding the expression the message quotes, locates the row.
     */
    static String cellOf(String key, String drl, int line, String message, int occurrence) {
        int bang = key.indexOf('!');
        String file = bang < 0 ? key : key.substring(0, bang);
        String sheet = bang < 0 ? null : key.substring(bang + 1);
        String[] lines = drl.split("\n", -1);
        Matcher named = RULE_NAMED.matcher(message);
        Matcher expression = EXPRESSION.matcher(message);
        if (line <= 0 && named.find()) {
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].strip().equals("rule \"" + named.group(1) + "\"")) {
                    line = n + 1;
                    break;
                }
            }
        } else if (line <= 0 && expression.find()) {
            // The nth message about one expression is about its nth occurrence (one per row using it).
            int nth = occurrence;
            for (int n = 0; n < lines.length && line <= 0; n++) {
                if (lines[n].contains(expression.group(1)) && nth-- == 0) {
                    line = n + 1;
                }
            }
        }
        for (int n = Math.min(line, lines.length) - 1; n >= 0; n--) {
            Matcher m = RULE_CELL.matcher(lines[n].strip());
            if (m.find()) {
                return where(file, sheet, m.group(1));
            }
        }
        return where(file, sheet, null);
    }

    /** The spreadsheet row of a cell reference such as {@code C11}, for messages. */
    static String rowOf(String place) {
        Matcher m = Pattern.compile("[A-Z]+([0-9]+)$").matcher(place);
        return m.find() ? m.group(1) : "?";
    }

    private static String where(String file, String sheet, String cell) {
        if (sheet == null) {
            return cell == null ? file : file + ":" + cell;
        }
        return file + ":" + sheet + (cell == null ? "" : "!" + cell);
    }

    private static String ref(Cell cell) {
        return new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString();
    }
}
