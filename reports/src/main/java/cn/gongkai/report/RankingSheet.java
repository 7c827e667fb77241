package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * The 排名 sheet: one row per agency in rank order, ties sharing a rank, with grade band, veto and — when a
 * previous run is compared — the change since then.
 */
final class RankingSheet {

    static final String NAME = "排名";

    /** One row: the agency and its change since the previous run ({@code null} without comparison). */
    record Line(AgencyResult a, Comparison.AgencyChange change) {
        AgencyResult before() {
            return change == null ? null : change.before();
        }
    }

    static List<Column<Line>> columns(boolean compared) {
        List<Column<Line>> columns = new ArrayList<>(List.of(
                Column.of("排名", Column.Kind.INTEGER, l -> l.a().rank()),
                Column.of("层级内排名", Column.Kind.INTEGER, l -> l.a().tierRank()),
                Column.of("单位名称", Column.Kind.TEXT, l -> l.a().agency().name()),
                Column.of("层级", Column.Kind.TEXT, l -> l.a().agency().tier()),
                Column.of("单位类型", Column.Kind.TEXT, l -> l.a().agency().type() == null ? null : l.a().agency().type().label()),
                Column.of("网站地址", Column.Kind.LINK, l -> l.a().agency().url()),
                Column.of("得分", Column.Kind.DECIMAL, l -> l.a().score()),
                Column.of("满分", Column.Kind.DECIMAL, l -> l.a().maxScore()),
                Column.of("得分率", Column.Kind.PERCENT, l -> l.a().percentage() / 100.0),
                Column.of("等级", Column.Kind.TEXT, l -> Grade.of(l.a().percentage()).label()),
                // 单项否决 (国办秘函〔2019〕19号): one vetoing finding fails the site whatever its score.
                Column.of("一票否决", Column.Kind.TEXT, l -> l.a().vetoed() ? "是" : "否"),
                Column.of("否决原因", Column.Kind.TEXT, l -> vetoReason(l.a())),
                Column.of("站点可访问", Column.Kind.TEXT, l -> l.a().visit() == null ? null : l.a().visit().reachable() ? "是" : "否"),
                Column.of("抓取页面数", Column.Kind.INTEGER, l -> l.a().visit() == null ? null : l.a().visit().pagesFetched())));
        if (compared) {
            columns.add(Column.of("上次得分", Column.Kind.DECIMAL, l -> l.before() == null ? null : l.before().score()));
            columns.add(Column.of("得分变化", Column.Kind.DECIMAL, l -> l.change() == null ? null : l.change().scoreChange()));
            columns.add(Column.of("上次排名", Column.Kind.INTEGER, l -> l.before() == null ? null : l.before().rank()));
            columns.add(Column.of("排名变化", Column.Kind.TEXT, l -> l.change() == null ? null : ChangesSheet.rankChange(l.change())));
        }
        return List.copyOf(columns);
    }

    private RankingSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        boolean compared = render.comparison.present();
        SheetTable<Line> table = new SheetTable<>(sheet, cells, columns(compared), 0);
        for (AgencyResult agency : render.report.agencies()) {
            table.add(new Line(agency, compared ? render.comparison.of(agency) : null));
        }
        table.finish();
    }

    /** The vetoing items, by number and title, joined with ；. */
    static String vetoReason(AgencyResult a) {
        String reasons = a.findings().stream()
                .filter(cn.gongkai.engine.rule.Finding::vetoes)
                .map(f -> f.item() + " " + f.title() + "：" + f.status().label())
                .collect(java.util.stream.Collectors.joining("；"));
        return reasons.isEmpty() ? null : reasons;
    }
}
