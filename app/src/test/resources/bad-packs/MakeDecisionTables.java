// Writes the decision-table folders of bad-packs/ (run once; the .xlsx files are committed):
//   java -cp "$(cat engine-test-classpath)" MakeDecisionTables.java .
// Each folder holds pack.yaml (item T-1, rules: [t.xlsx]) and one broken t.xlsx; cases.csv says what
// `gongkai packs validate` must print for it.
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

public class MakeDecisionTables {

    static final String YAML = """
            id: %s
            title: 测试包
            source: 测试
            rules: [t.xlsx]
            items:
              - {id: T-1, item: 一, title: 甲, area: 甲, points: 10, check: auto, basis: 一}
            """;

    static String[][] good() {
        return new String[][]{
                {"", "RuleSet", "t.tables"},
                {"", "Import", "cn.gongkai.engine.fact.SiteVisit, cn.gongkai.engine.rule.FindingStatus"},
                {"", "Variables", "cn.gongkai.engine.rule.PackContext ctx"},
                {},
                {"", "RuleTable 网站"},
                {"", "METADATA", "CONDITION", "ACTION"},
                {"", "", "SiteVisit", ""},
                {"", "id(\"$param\")", "reachable == $param", "ctx.record(drools.getRule(), FindingStatus.$param, \"网站\");"},
                {"", "条目", "可访问", "结论"},
                {"", "T-1", "true", "MET"},
                {"", "T-1", "false", "VIOLATION"},
        };
    }

    static String[][] with(String[][] rows, int excelRow, int column, String value) {
        String[][] copy = Arrays.stream(rows).map(String[]::clone).toArray(String[][]::new);
        copy[excelRow - 1][column] = value;
        return copy;
    }

    static byte[] xlsx(String[][] rows, Consumer<XSSFWorkbook> edit) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("规则");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            edit.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static void write(Path root, String id, byte[] table) throws Exception {
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pack.yaml"), YAML.formatted(id));
        Files.write(dir.resolve("t.xlsx"), table);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Consumer<XSSFWorkbook> none = wb -> { };
        write(root, "dtable-no-ruletable", xlsx(with(good(), 5, 1, "Rules 网站"), none));
        write(root, "dtable-no-ruleset", xlsx(with(good(), 1, 1, ""), none));
        write(root, "dtable-no-object-type", xlsx(with(good(), 7, 2, ""), none));
        write(root, "dtable-bad-code", xlsx(with(good(), 8, 3, "ctx.record(drools.getRule(), FindingStatus.$param, \"网站\""), none));
        write(root, "dtable-merged-header", xlsx(good(), wb -> wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(5, 6, 3, 3))));
        write(root, "dtable-not-a-table", xlsx(new String[][]{{"条目", "分值"}, {"T-1", "10"}}, none));
        byte[] good = xlsx(good(), none);
        write(root, "dtable-corrupt", Arrays.copyOf(good, good.length / 2));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(good);
            }
            fs.writeFilesystem(encrypted);
        }
        write(root, "dtable-password", encrypted.toByteArray());
    }
}
