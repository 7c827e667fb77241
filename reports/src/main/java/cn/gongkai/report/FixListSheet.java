package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.PackItem;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.Comparator;
import java.util.List;

/**
 * 整改清单: what each agency has to fix, agencies in rank order and within each the items ordered by the points
 * they would recover, with what was found and the article or checklist text the item rests on.
 */
final class FixListSheet {

    static final String NAME = "整改清单";

    record Line(AgencyResult agency, int seq, Finding finding, PackItem item) {
        double recoverable() {
            return finding.points() - finding.awarded();
        }
    }

    static final List<Column<Line>> COLUMNS = List.of(
            Column.of("单位名称", Column.Kind.TEXT, l -> l.agency().agency().name()),
            Column.of("单位排名", Column.Kind.INTEGER, l -> l.agency().rank()),
            Column.of("整改顺序", Column.Kind.INTEGER, Line::seq),
            Column.of("考察点", Column.Kind.WRAP, l -> ScorecardSheet.itemText(l.finding())),
            Column.of("状态", Column.Kind.TEXT, l -> l.finding().status() == null ? null : l.finding().status().label()),
            Column.of("可挽回分值", Column.Kind.DECIMAL, Line::recoverable),
            Column.of("检查情况", Column.Kind.WRAP, l -> l.finding().explanation()),
            Column.of("依据", Column.Kind.WRAP, l -> l.item() == null ? null : l.item().basis()),
            Column.of("规则编号", Column.Kind.TEXT, l -> l.finding().rule()));

    private FixListSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        SheetTable<Line> table = new SheetTable<>(sheet, cells, COLUMNS, 0);
        for (AgencyResult a : render.report.agencies()) {
            List<Finding> open = a.findings().stream()
                    .filter(f -> f.points() - f.awarded() > 0)
                    .sorted(Comparator.comparingDouble((Finding f) -> f.points() - f.awarded()).reversed())
                    .toList();
            int seq = 1;
            for (Finding f : open) {
                table.add(new Line(a, seq++, f, render.item(f.rule())));
            }
        }
        table.finish();
    }
}
