package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 进步与退步: per agency, the score and rank change since the previous run and the items fixed (more points than
 * before) and newly failing (fewer points), each as {@code 考察点：旧状态→新状态（旧分→新分）}.
 */
final class ChangesSheet {

    static final String NAME = "进步与退步";

    static final List<Column<Comparison.AgencyChange>> COLUMNS = List.of(
            Column.of("排名", Column.Kind.INTEGER, c -> c.now().rank()),
            Column.of("单位名称", Column.Kind.TEXT, c -> c.now().agency().name()),
            Column.of("本次得分", Column.Kind.DECIMAL, c -> c.now().score()),
            Column.of("上次得分", Column.Kind.DECIMAL, c -> c.before() == null ? null : c.before().score()),
            Column.of("得分变化", Column.Kind.DECIMAL, Comparison.AgencyChange::scoreChange),
            Column.of("上次排名", Column.Kind.INTEGER, c -> c.before() == null ? null : c.before().rank()),
            Column.of("排名变化", Column.Kind.TEXT, ChangesSheet::rankChange),
            Column.of("改进项数", Column.Kind.INTEGER, c -> c.before() == null ? null : c.fixed().size()),
            Column.of("退步项数", Column.Kind.INTEGER, c -> c.before() == null ? null : c.regressed().size()),
            Column.of("改进项", Column.Kind.WRAP, c -> join(c.fixed())),
            Column.of("退步项", Column.Kind.WRAP, c -> join(c.regressed())));

    private ChangesSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        SheetTable<Comparison.AgencyChange> table = new SheetTable<>(sheet, cells, COLUMNS, 0);
        for (AgencyResult a : render.report.agencies()) {
            table.add(render.comparison.of(a));
        }
        table.finish();
    }

    /** 上升2名 / 下降1名 / 持平 / 上次未测评 — words, so the sign survives any number format. */
    static String rankChange(Comparison.AgencyChange c) {
        Integer d = c.rankChange();
        if (d == null) {
            return "上次未测评";
        }
        return d > 0 ? "上升" + d + "名" : d < 0 ? "下降" + (-d) + "名" : "持平";
    }

    private static String join(List<Comparison.ItemChange> items) {
        return items.isEmpty() ? null : items.stream().map(Comparison.ItemChange::describe).collect(Collectors.joining("\n"));
    }
}
