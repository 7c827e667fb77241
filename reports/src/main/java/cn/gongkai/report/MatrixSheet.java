package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 得分明细: agencies × checklist items, points awarded in each cell (不适用 as text), grouped by area with a
 * 小计 column after each area. Conditional formatting fills items with no points and items short of full
 * points; the numbers themselves carry the meaning, so the sheet reads the same in black and white.
 */
final class MatrixSheet {

    static final String NAME = "得分明细";

    record Line(AgencyResult agency, Map<String, Finding> findings) {
    }

    private MatrixSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        Map<String, List<Render.ItemColumn>> byArea = new LinkedHashMap<>();
        for (Render.ItemColumn c : render.itemColumns()) {
            byArea.computeIfAbsent(c.area() == null ? "其他" : c.area(), k -> new ArrayList<>()).add(c);
        }
        List<Column<Line>> columns = new ArrayList<>(List.of(
                Column.of("排名", Column.Kind.INTEGER, l -> l.agency().rank()),
                Column.of("单位名称", Column.Kind.TEXT, l -> l.agency().agency().name()),
                Column.of("层级", Column.Kind.TEXT, l -> l.agency().agency().tier())));
        List<int[]> itemRanges = new ArrayList<>();
        List<Double> itemPoints = new ArrayList<>();
        for (Map.Entry<String, List<Render.ItemColumn>> area : byArea.entrySet()) {
            for (Render.ItemColumn item : area.getValue()) {
                itemRanges.add(new int[]{columns.size()});
                itemPoints.add(item.points());
                String header = (item.item() == null ? item.rule() : item.item()) + "（" + ScorecardSheet.points(item.points())
                        + "分）\n" + (item.title() == null ? "" : SafeText.fitCell(shorten(item.title())));
                columns.add(Column.of(header, Column.Kind.DECIMAL, l -> awarded(l.findings().get(item.rule()))));
            }
            List<String> rules = area.getValue().stream().map(Render.ItemColumn::rule).toList();
            columns.add(Column.of("小计：" + area.getKey(), Column.Kind.DECIMAL, l -> rules.stream()
                    .map(r -> l.findings().get(r)).filter(f -> f != null)
                    .mapToDouble(Finding::awarded).sum()));
        }
        columns.add(Column.of("总分", Column.Kind.DECIMAL, l -> l.agency().score()));
        columns.add(Column.of("满分", Column.Kind.DECIMAL, l -> l.agency().maxScore()));

        SheetTable<Line> table = new SheetTable<>(sheet, cells, columns, 0);
        for (AgencyResult a : render.report.agencies()) {
            Map<String, Finding> findings = new HashMap<>();
            a.findings().forEach(f -> findings.put(f.rule(), f));
            table.add(new Line(a, findings));
        }
        table.finish();
        sheet.createFreezePane(2, 1);
        int last = table.lastRow();
        if (last >= 1) {
            SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
            for (int i = 0; i < itemRanges.size(); i++) {
                int col = itemRanges.get(i)[0];
                ConditionalFormattingRule none = cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "0");
                fill(none, IndexedColors.ROSE);
                ConditionalFormattingRule part = cf.createConditionalFormattingRule(ComparisonOperator.LT,
                        ScorecardSheet.points(itemPoints.get(i)));
                fill(part, IndexedColors.LIGHT_YELLOW);
                cf.addConditionalFormatting(new CellRangeAddress[]{new CellRangeAddress(1, last, col, col)}, none, part);
            }
        }
    }

    private static Object awarded(Finding f) {
        if (f == null) {
            return null;
        }
        return f.status() == FindingStatus.NOT_APPLICABLE ? FindingStatus.NOT_APPLICABLE.label() : (Object) f.awarded();
    }

    private static void fill(ConditionalFormattingRule rule, IndexedColors colour) {
        PatternFormatting p = rule.createPatternFormatting();
        p.setFillBackgroundColor(colour.getIndex());
        p.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
    }

    private static String shorten(String title) {
        return title.length() <= 12 ? title : title.substring(0, 11) + "…";
    }
}
