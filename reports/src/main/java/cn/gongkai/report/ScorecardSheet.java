package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

import java.util.ArrayList;
import java.util.List;

/**
 * One agency's 得分卡: a header block (name, site, score, rank, crawl) above one row per finding. A finding with
 * several evidence pages continues on following rows that repeat 序号, 一级指标, 考察点 and 状态 (so filters keep
 * them together) and leave 得分/满分 blank (so column sums stay right). The 复核结论 (drop-down), 复核得分 and
 * 复核说明 columns are the assessor's; the last column, 规则编号, is how {@code rescore} matches rows back.
 */
final class ScorecardSheet {

    /** Row index of the table header, below the header block. */
    static final int HEADER_ROW = 6;

    static final String CONCLUSION = "复核结论";
    static final String REVIEW_POINTS = "复核得分";
    static final String REVIEW_NOTE = "复核说明";
    static final String RULE_ID = "规则编号";
    /** The choices offered in the 复核结论 drop-down. */
    static final List<String> CONCLUSIONS = List.of("确认", "改为 符合", "改为 部分符合", "改为 缺失", "改为 违规", "改为 不适用");

    /** One worksheet row: a finding and one of its evidence pages ({@code null} when it has none). */
    record Line(int seq, AgencyResult agency, Finding finding, Evidence evidence, boolean first, Render render) {

        String item() {
            return itemText(finding);
        }

        Object ifFirst(Object value) {
            return first ? value : null;
        }

        Review review() {
            return render.review(agency, finding);
        }

        String status() {
            if (finding.status() == null) {
                return null;
            }
            Review r = review();
            return r != null && !r.confirmed() ? finding.status().label() + "（复核改定）" : finding.status().label();
        }

        Finding before() {
            return render.comparison.before(agency, finding);
        }
    }

    /** The item's number and words, e.g. {@code 第49条 按期公布上一年度…}. */
    static String itemText(Finding finding) {
        String item = finding.item();
        String title = finding.title();
        if (item == null || item.isBlank()) {
            return title;
        }
        return title == null || title.isBlank() ? item : item + " " + title;
    }

    /** The columns, with the 变化 pair when a previous run is compared. */
    static List<Column<Line>> columns(boolean compared) {
        List<Column<Line>> columns = new ArrayList<>(List.of(
                Column.of("序号", Column.Kind.INTEGER, Line::seq),
                Column.of("一级指标", Column.Kind.TEXT, l -> l.finding().area()),
                Column.of("考察点", Column.Kind.WRAP, Line::item),
                Column.of("评分细则", Column.Kind.WRAP, l -> l.ifFirst(l.render().scoringRule(l.finding()))),
                Column.of("检查情况", Column.Kind.WRAP, l -> l.ifFirst(l.finding().explanation())),
                Column.of("得分", Column.Kind.DECIMAL, l -> l.ifFirst(l.finding().awarded())),
                Column.of("满分", Column.Kind.DECIMAL, l -> l.finding().status() == FindingStatus.NOT_APPLICABLE
                        ? null : l.ifFirst(l.finding().points())),
                Column.of("状态", Column.Kind.TEXT, Line::status),
                Column.of("证据", Column.Kind.LINK, l -> l.evidence() == null ? null : l.evidence().url()),
                Column.of("WARC记录", Column.Kind.TEXT, l -> l.evidence() == null ? null : l.evidence().warcRecordId())));
        if (compared) {
            columns.add(Column.of("上次状态", Column.Kind.TEXT, l -> l.ifFirst(
                    l.before() == null || l.before().status() == null ? null : l.before().status().label())));
            columns.add(Column.of("得分变化", Column.Kind.DECIMAL, l -> l.ifFirst(
                    l.before() == null ? null : l.finding().awarded() - l.before().awarded())));
        }
        columns.add(Column.of(CONCLUSION, Column.Kind.TEXT, l -> l.review() == null ? null : l.ifFirst(l.review().conclusion())));
        columns.add(Column.of(REVIEW_POINTS, Column.Kind.DECIMAL, l -> l.review() == null || l.review().confirmed()
                ? null : l.ifFirst(l.review().awarded())));
        columns.add(Column.of(REVIEW_NOTE, Column.Kind.WRAP, l -> l.review() == null ? null : l.ifFirst(l.review().note())));
        columns.add(Column.of(RULE_ID, Column.Kind.TEXT, l -> l.finding().rule()));
        return List.copyOf(columns);
    }

    /** The header row's texts, as {@code rescore} expects them back. */
    static List<String> headers(boolean compared) {
        return columns(compared).stream().map(Column::header).toList();
    }

    private ScorecardSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, AgencyResult result, Render render) {
        writeHeaderBlock(sheet, cells, result);
        List<Column<Line>> columns = columns(render.comparison.present());
        SheetTable<Line> table = new SheetTable<>(sheet, cells, columns, HEADER_ROW);
        int conclusionCol = indexOf(columns, CONCLUSION);
        int seq = 1;
        for (Finding finding : result.findings()) {
            List<Evidence> evidence = finding.evidence();
            int n = Math.max(1, evidence.size());
            for (int i = 0; i < n; i++) {
                Line line = new Line(seq, result, finding, evidence.isEmpty() ? null : evidence.get(i), i == 0, render);
                Row row = table.add(line);
                if (i == 0 && line.review() != null) {
                    // Reviewed cells are filled and bold, and the status says 复核改定, so marks survive printing
                    // in black and white.
                    for (int c = conclusionCol; c < conclusionCol + 3; c++) {
                        Cell cell = row.getCell(c);
                        (cell == null ? row.createCell(c) : cell).setCellStyle(cells.reviewedStyle());
                    }
                }
            }
            seq++;
        }
        int last = table.lastRow();
        if (last > HEADER_ROW) {
            DataValidationHelper dv = sheet.getDataValidationHelper();
            DataValidation list = dv.createValidation(dv.createExplicitListConstraint(CONCLUSIONS.toArray(String[]::new)),
                    new CellRangeAddressList(HEADER_ROW + 1, last, conclusionCol, conclusionCol));
            list.setShowErrorBox(false);
            sheet.addValidationData(list);
        }
        table.fit(0, "单位名称");
        table.finish();
        // The rule id lets rescore match rows even when assessors re-sort; it stays narrow, not hidden, so
        // LibreOffice and WPS users can see why it is there.
        sheet.setColumnWidth(columns.size() - 1, 14 * 256);
    }

    static int indexOf(List<? extends Column<?>> columns, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(header);
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
