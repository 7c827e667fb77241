package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/** The 排名 sheet: one row per agency in rank order, ties sharing a rank. */
final class RankingSheet {

    static final String NAME = "排名";

    static final List<Column<AgencyResult>> COLUMNS = List.of(
            Column.of("排名", Column.Kind.INTEGER, AgencyResult::rank),
            Column.of("层级内排名", Column.Kind.INTEGER, AgencyResult::tierRank),
            Column.of("单位名称", Column.Kind.TEXT, a -> a.agency().name()),
            Column.of("层级", Column.Kind.TEXT, a -> a.agency().tier()),
            Column.of("单位类型", Column.Kind.TEXT, a -> a.agency().type() == null ? null : a.agency().type().label()),
            Column.of("网站地址", Column.Kind.LINK, a -> a.agency().url()),
            Column.of("得分", Column.Kind.DECIMAL, AgencyResult::score),
            Column.of("满分", Column.Kind.DECIMAL, AgencyResult::maxScore),
            Column.of("得分率", Column.Kind.PERCENT, a -> a.percentage() / 100.0),
            Column.of("等级", Column.Kind.TEXT, a -> Grade.of(a.percentage()).label()),
            Column.of("站点可访问", Column.Kind.TEXT, a -> a.visit() == null ? null : a.visit().reachable() ? "是" : "否"),
            Column.of("抓取页面数", Column.Kind.INTEGER, a -> a.visit() == null ? null : a.visit().pagesFetched()));

    private RankingSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, AuditReport report) {
        SheetTable<AgencyResult> table = new SheetTable<>(sheet, cells, COLUMNS, 0);
        for (AgencyResult agency : report.agencies()) {
            table.add(agency);
        }
        table.finish();
    }
}
