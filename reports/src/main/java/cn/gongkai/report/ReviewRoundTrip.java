package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.Audit;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.score.Score;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review round-trip: reads an assessor's 复核结论 / 复核得分 / 复核说明 back from a returned workbook and
 * rescores the run with them. Nothing collected (pages, facts, evidence) changes: only statuses and points of
 * reviewed findings, then scores and ranks.
 *
 * <p>Every problem is a {@link ReviewException} naming the sheet and cell: an unknown agency or rule id, a
 * deleted scorecard, a changed header row, text in the points column, points out of range.
 */
public final class ReviewRoundTrip {

    /** Sheets and zip parts a returned workbook may hold: one scorecard per agency exceeds POI's default 1,000. */
    private static final int MAX_ZIP_ENTRIES = 200_000;

    private ReviewRoundTrip() {
    }

    /**
     * Reads and validates every review in {@code workbook} against the run it was written for. The workbook is
     * read with POI's event API, one sheet at a time and keeping only scorecards' cells, so a returned workbook of
     * thousands of scorecards reads in a small heap (the DOM {@code XSSFWorkbook} ran out of 1 GB at 1,000
     * agencies × 60 items).
     */
    public static List<Review> read(Path workbook, AuditReport report) {
        if (ZipSecureFile.getMaxFileCount() < MAX_ZIP_ENTRIES) {
            ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
        }
        Scan scan = new Scan(report, workbook.getFileName().toString());
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    CardSheet sheet = new CardSheet(sheets.getSheetName());
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, sheet, formatter, false));
                    xml.parse(new InputSource(in));
                    if (sheet.isScorecard()) {
                        scan.scorecard(sheet);
                    }
                }
            }
        } catch (ReviewException e) {
            throw e;
        } catch (Exception e) {
            throw new ReviewException("无法读取复核工作簿 " + workbook + "：" + e.getMessage(),
                    "cannot read the reviewed workbook " + workbook + ": " + e);
        }
        return scan.finish();
    }

    /** The reviews of one workbook, sheet by sheet, and which agencies' scorecards were seen. */
    private static final class Scan {
        private final AuditReport report;
        private final String fileName;
        private final Map<String, AgencyResult> agencies = new LinkedHashMap<>();
        private final Map<String, String> seen = new HashMap<>();
        private final List<Review> reviews = new ArrayList<>();

        Scan(AuditReport report, String fileName) {
            this.report = report;
            this.fileName = fileName;
            report.agencies().forEach(a -> agencies.put(a.agency().name(), a));
        }

        void scorecard(CardSheet sheet) {
            String name = text(sheet, 0, 1);
            AgencyResult agency = agencies.get(name);
            if (agency == null) {
                throw error(sheet, 0, 1, "单位“" + name + "”不在运行 " + report.runId() + " 中",
                        "agency \"" + name + "\" is not in run " + report.runId());
            }
            String other = seen.put(name, sheet.getSheetName());
            if (other != null) {
                throw error(sheet, 0, 1, "单位“" + name + "”的得分卡重复（另见工作表“" + other + "”）",
                        "duplicate scorecard for \"" + name + "\" (also sheet \"" + other + "\")");
            }
            reviews.addAll(readScorecard(sheet, agency, report));
        }

        List<Review> finish() {
            for (String name : agencies.keySet()) {
                if (!seen.containsKey(name)) {
                    throw new ReviewException("复核工作簿 " + fileName + " 缺少单位“" + name + "”的得分卡（工作表被删除或改名？）",
                            "the reviewed workbook " + fileName + " has no scorecard for \"" + name + "\" (sheet deleted?)");
                }
            }
            return List.copyOf(reviews);
        }
    }

    /**
     * The cells of one sheet as the event API reports them (formatted text), kept only when the sheet is a
     * scorecard: A1 reads 单位名称 and A7 序号. Other sheets (证据 may have 180,000 rows) are dropped after row 7.
     */
    static final class CardSheet implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String name;
        private final Map<Integer, Map<Integer, String>> rows = new HashMap<>();
        private boolean decided;
        private boolean scorecard;
        private int lastRow = -1;

        CardSheet(String name) {
            this.name = name;
        }

        String getSheetName() {
            return name;
        }

        boolean isScorecard() {
            decide();
            return scorecard;
        }

        int getLastRowNum() {
            return lastRow;
        }

        private void decide() {
            if (!decided) {
                decided = true;
                scorecard = "单位名称".equals(get(0, 0)) && "序号".equals(get(ScorecardSheet.HEADER_ROW, 0));
                if (!scorecard) {
                    rows.clear();
                }
            }
        }

        String get(int r, int c) {
            Map<Integer, String> row = rows.get(r);
            return row == null ? null : row.get(c);
        }

        @Override
        public void startRow(int rowNum) {
            if (!decided && rowNum > ScorecardSheet.HEADER_ROW) {
                decide();
            }
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String ref, String value, org.apache.poi.xssf.usermodel.XSSFComment comment) {
            if (decided && !scorecard) {
                return;
            }
            CellReference cell = new CellReference(ref);
            if (value != null && !value.isEmpty()) {
                rows.computeIfAbsent(cell.getRow(), k -> new HashMap<>()).put((int) cell.getCol(), value);
                lastRow = Math.max(lastRow, cell.getRow());
            }
        }
    }

    private static List<Review> readScorecard(CardSheet sheet, AgencyResult agency, AuditReport report) {
        List<String> headers = checkHeaders(sheet);
        int ruleCol = headers.indexOf(ScorecardSheet.RULE_ID);
        int conclusionCol = headers.indexOf(ScorecardSheet.CONCLUSION);
        int pointsCol = headers.indexOf(ScorecardSheet.REVIEW_POINTS);
        int noteCol = headers.indexOf(ScorecardSheet.REVIEW_NOTE);
        Map<String, Finding> findings = new HashMap<>();
        agency.findings().forEach(f -> findings.put(f.rule(), f));
        Map<String, Review> byRule = new LinkedHashMap<>();
        for (int r = ScorecardSheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            String rule = text(sheet, r, ruleCol);
            String conclusion = text(sheet, r, conclusionCol);
            Double points = number(sheet, r, pointsCol);
            String note = text(sheet, r, noteCol);
            boolean reviewed = !conclusion.isEmpty() || points != null || !note.isEmpty();
            if (rule.isEmpty()) {
                if (reviewed) {
                    throw error(sheet, r, ruleCol, "此行有复核内容但“规则编号”为空", "row has a review but no rule id");
                }
                continue;
            }
            Finding finding = findings.get(rule);
            if (finding == null) {
                throw error(sheet, r, ruleCol, "规则编号“" + rule + "”不是本单位的测评项", "unknown rule id \"" + rule + "\"");
            }
            if (!reviewed) {
                continue;
            }
            if (conclusion.isEmpty()) {
                throw error(sheet, r, conclusionCol, "填写了复核得分或复核说明，但复核结论为空（应为“确认”或“改为 状态”）",
                        "review points or note without a conclusion (expected 确认 or 改为 <status>)");
            }
            Review review = review(sheet, r, conclusionCol, pointsCol, agency, finding, conclusion, points,
                    note.isEmpty() ? null : note, report);
            Review earlier = byRule.putIfAbsent(rule, review);
            if (earlier != null && !(earlier.conclusion().equals(review.conclusion())
                    && earlier.awarded() == review.awarded())) {
                throw error(sheet, r, conclusionCol, "同一测评项（" + rule + "）的复核结论与 " + earlier.cell() + " 不一致",
                        "conflicting review for " + rule + " (see " + earlier.cell() + ")");
            }
        }
        return List.copyOf(byRule.values());
    }

    private static List<String> checkHeaders(CardSheet sheet) {
        List<String> plain = ScorecardSheet.headers(false);
        List<String> compared = ScorecardSheet.headers(true);
        List<String> expected = ScorecardSheet.RULE_ID.equals(text(sheet, ScorecardSheet.HEADER_ROW, plain.size() - 1))
                ? plain : compared;
        for (int c = 0; c < expected.size(); c++) {
            String actual = text(sheet, ScorecardSheet.HEADER_ROW, c);
            if (!expected.get(c).equals(actual)) {
                throw error(sheet, ScorecardSheet.HEADER_ROW, c,
                        "表头已改动：应为“" + expected.get(c) + "”，实为“" + actual + "”。请勿增删、移动或改名列",
                        "layout changed: header should be \"" + expected.get(c) + "\" but is \"" + actual + "\"");
            }
        }
        String extra = text(sheet, ScorecardSheet.HEADER_ROW, expected.size());
        if (!extra.isEmpty()) {
            throw error(sheet, ScorecardSheet.HEADER_ROW, expected.size(), "表头多出一列“" + extra + "”",
                    "layout changed: extra column \"" + extra + "\"");
        }
        return expected;
    }

    private static Review review(CardSheet sheet, int r, int conclusionCol, int pointsCol, AgencyResult agency,
                                 Finding finding, String conclusion, Double points, String note, AuditReport report) {
        String cell = sheet.getSheetName() + "!" + new CellReference(r, conclusionCol).formatAsString();
        PackItem item = report.items().stream().filter(i -> i.id().equals(finding.rule())).findFirst().orElse(null);
        double full = item != null ? item.points() : finding.points();
        if (conclusion.equals(Review.CONFIRM)) {
            if (finding.status() == FindingStatus.NEEDS_REVIEW) {
                throw error(sheet, r, conclusionCol, "待人工复核项不能“确认”，请改为具体状态（如“改为 符合”）",
                        "an item needing review cannot be confirmed; override it with a status");
            }
            if (points != null && points != finding.awarded()) {
                throw error(sheet, r, pointsCol, "结论为“确认”时复核得分应为空或等于原得分 " + ScorecardSheet.points(finding.awarded()),
                        "a confirmed finding keeps its points " + finding.awarded());
            }
            return new Review(agency.agency().name(), finding.rule(), Review.CONFIRM, finding.status(), finding.awarded(), note, cell);
        }
        String rest = conclusion.startsWith(Review.OVERRIDE) ? conclusion.substring(Review.OVERRIDE.length()).strip() : null;
        if (rest != null && (rest.startsWith(":") || rest.startsWith("："))) {
            rest = rest.substring(1).strip();
        }
        FindingStatus status = rest == null ? null : statusOf(rest);
        if (status == null || status == FindingStatus.NEEDS_REVIEW) {
            throw error(sheet, r, conclusionCol, "无法识别的复核结论“" + conclusion + "”，应为“确认”或“改为 符合/部分符合/缺失/违规/不适用”",
                    "unknown conclusion \"" + conclusion + "\"; expected 确认 or 改为 符合|部分符合|缺失|违规|不适用");
        }
        double awarded;
        switch (status) {
            case MET -> awarded = points == null ? full : points;
            case PARTIAL -> {
                if (points == null && Double.isNaN(report.partialShare())) {
                    throw error(sheet, r, pointsCol, "改为部分符合时请填写复核得分", "points are required for 部分符合");
                }
                awarded = points == null ? full * report.partialShare() : points;
            }
            default -> awarded = points == null ? 0 : points;
        }
        double max = status == FindingStatus.NOT_APPLICABLE ? 0 : full;
        if (awarded < 0 || awarded > max || (status != FindingStatus.MET && status != FindingStatus.PARTIAL && awarded != 0)) {
            double allowed = status == FindingStatus.MET || status == FindingStatus.PARTIAL ? max : 0;
            throw error(sheet, r, pointsCol, "复核得分 " + ScorecardSheet.points(awarded) + " 超出范围：" + status.label()
                    + "应在 0 至 " + ScorecardSheet.points(allowed) + " 分之间",
                    "points " + awarded + " out of range 0.." + allowed + " for " + status.name());
        }
        return new Review(agency.agency().name(), finding.rule(), Review.OVERRIDE + " " + status.label(), status, awarded, note, cell);
    }

    /**
     * The report rescored with the reviews: reviewed findings take the reviewed status and points (不适用 leaves
     * the full marks), every agency's score is recomputed and the ranking redone.
     */
    public static AuditReport apply(AuditReport report, List<Review> reviews) {
        Map<String, Review> byKey = new HashMap<>();
        reviews.forEach(r -> byKey.put(r.agency() + '\u0000' + r.ruleId(), r));
        Map<String, PackItem> items = new HashMap<>();
        report.items().forEach(i -> items.put(i.id(), i));
        List<AgencyResult> results = new ArrayList<>();
        for (AgencyResult a : report.agencies()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : a.findings()) {
                Review r = byKey.get(a.agency().name() + '\u0000' + f.rule());
                if (r == null || r.confirmed()) {
                    findings.add(f);
                    continue;
                }
                PackItem item = items.get(f.rule());
                double full = item != null ? item.points() : f.points();
                double points = r.status() == FindingStatus.NOT_APPLICABLE ? 0 : full;
                findings.add(new Finding(f.rule(), f.item(), f.title(), f.area(), r.status(), points, r.awarded(),
                        f.evidence(), f.explanation()));
            }
            Score score = Score.of(findings);
            results.add(new AgencyResult(a.agency(), a.visit(), a.documents(), a.observations(), findings,
                    score.awarded(), score.fullMarks(), 0, 0));
        }
        return report.withAgencies(Audit.ranked(results));
    }

    private static FindingStatus statusOf(String label) {
        for (FindingStatus s : FindingStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }

    private static String text(CardSheet sheet, int r, int c) {
        String v = sheet.get(r, c);
        return v == null ? "" : v.strip();
    }

    private static Double number(CardSheet sheet, int r, int c) {
        String s = text(sheet, r, c);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            throw error(sheet, r, c, "复核得分应为数字，实为文字“" + s + "”", "review points must be a number, not \"" + s + "\"");
        }
    }

    private static ReviewException error(CardSheet sheet, int r, int c, String chinese, String english) {
        String where = new CellReference(r, c).formatAsString();
        return new ReviewException("工作表“" + sheet.getSheetName() + "”单元格 " + where + "：" + chinese,
                "sheet \"" + sheet.getSheetName() + "\" cell " + where + ": " + english);
    }
}
