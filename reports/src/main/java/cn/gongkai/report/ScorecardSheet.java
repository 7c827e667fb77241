package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/**
 * One agency's 得分卡: a header block (name, site, score, rank, crawl) above one row per finding. A finding with
 * several evidence pages continues on following rows that repeat 序号, 一级指标, 考察点 and 状态 (so filters keep
 * them together) and leave 得分/满分 blank (so column sums stay right). The 复核结论 and 复核说明 columns are left
 * empty for the assessor.
 */
final class ScorecardSheet {

    /** Row index of the table header, below the header block. */
    static final int HEADER_ROW = 6;

    /** One worksheet row: a finding and one of its evidence pages ({@code null} when it has none). */
    record Line(int seq, Finding finding, Evidence evidence, boolean first) {

        String item() {
            String item = finding.item();
            String title = finding.title();
            if (item == null || item.isBlank()) {
                return title;
            }
            return title == null || title.isBlank() ? item : item + " " + title;
        }

        Object ifFirst(Object value) {
            return first ? value : null;
        }
    }

    static final List<Column<Line>> COLUMNS = List.of(
            Column.of("序号", Column.Kind.INTEGER, Line::seq),
            Column.of("一级指标", Column.Kind.TEXT, l -> l.finding().area()),
            Column.of("考察点", Column.Kind.WRAP, Line::item),
            Column.of("检查情况", Column.Kind.WRAP, l -> l.ifFirst(l.finding().explanation())),
            Column.of("得分", Column.Kind.DECIMAL, l -> l.ifFirst(l.finding().awarded())),
            Column.of("满分", Column.Kind.DECIMAL, l -> l.finding().status() == FindingStatus.NOT_APPLICABLE
                    ? null : l.ifFirst(l.finding().points())),
            Column.of("状态", Column.Kind.TEXT, l -> l.finding().status() == null ? null : l.finding().status().label()),
            Column.of("证据", Column.Kind.LINK, l -> l.evidence() == null ? null : l.evidence().url()),
            Column.of("WARC记录", Column.Kind.TEXT, l -> l.evidence() == null ? null : l.evidence().warcRecordId()),
            Column.of("复核结论", Column.Kind.TEXT, l -> null),
            Column.of("复核说明", Column.Kind.WRAP, l -> null));

    private ScorecardSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, AgencyResult result) {
        writeHeaderBlock(sheet, cells, result);
        SheetTable<Line> table = new SheetTable<>(sheet, cells, COLUMNS, HEADER_ROW);
        int seq = 1;
        for (Finding finding : result.findings()) {
            List<Evidence> evidence = finding.evidence();
            if (evidence.isEmpty()) {
                table.add(new Line(seq, finding, null, true));
            } else {
                for (int i = 0; i < evidence.size(); i++) {
                    table.add(new Line(seq, finding, evidence.get(i), i == 0));
                }
            }
            seq++;
        }
        table.fit(0, "单位名称");
        table.finish();
    }

    private static void writeHeaderBlock(Sheet sheet, CellWriter cells, AgencyResult result) {
        Row name = sheet.createRow(0);
        cells.text(name, 0, "单位名称", cells.labelStyle());
        cells.text(name, 1, nullToEmpty(result.agency().name()), cells.titleStyle());

        Row url = sheet.createRow(1);
        cells.text(url, 0, "网站地址", cells.labelStyle());
        if (result.agency().url() != null) {
            cells.link(url, 1, result.agency().url());
        }

        Row score = sheet.createRow(2);
        cells.text(score, 0, "得分", cells.labelStyle());
        cells.text(score, 1, String.format("%s / %s（得分率 %.1f%%，%s）", points(result.score()),
                points(result.maxScore()), result.percentage(), Grade.of(result.percentage()).label()),
                cells.style(Column.Kind.TEXT));

        Row rank = sheet.createRow(3);
        cells.text(rank, 0, "排名", cells.labelStyle());
        cells.text(rank, 1, String.format("第%d名（%s内第%d名）", result.rank(),
                nullToEmpty(result.agency().tier()), result.tierRank()), cells.style(Column.Kind.TEXT));

        Row visit = sheet.createRow(4);
        cells.text(visit, 0, "站点访问", cells.labelStyle());
        cells.text(visit, 1, describe(result.visit()), cells.style(Column.Kind.TEXT));
    }

    static String describe(SiteVisit visit) {
        if (visit == null) {
            return "未记录";
        }
        if (!visit.reachable()) {
            return "不可访问" + (visit.error() == null || visit.error().isBlank() ? "" : "：" + visit.error());
        }
        return String.format("可访问，抓取页面%d个，失败%d次", visit.pagesFetched(), visit.failures());
    }

    static String points(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(Math.round(value * 100) / 100.0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
