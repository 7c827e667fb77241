package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/**
 * The 说明 sheet: what was assessed, against which pack and date, how points are given, and what every status
 * means.
 */
final class NotesSheet {

    static final String NAME = "说明";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the legend. */
    private record Legend(FindingStatus status) {
        String meaning() {
            return meaningOf(status);
        }
    }

    private static final List<Column<Legend>> LEGEND = List.of(
            Column.of("状态", Column.Kind.TEXT, l -> l.status().label()),
            Column.of("含义", Column.Kind.WRAP, Legend::meaning),
            Column.of("JSON取值", Column.Kind.TEXT, l -> l.status().name()));

    /** Lines left out when they have nothing to say. */
    private static final List<String> OPTIONAL = List.of("规则包版本", "复核记录", "对比运行");

    private NotesSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        AuditReport report = render.report;
        cells.text(sheet.createRow(0), 0, "政务公开测评说明", cells.titleStyle());
        String[][] facts = {
                {"规则包编号", report.packId()},
                {"规则包名称", report.packTitle()},
                {"规则包版本", report.packVersion()},
                {"依据文件", report.packSource()},
                {"评估基准日", report.asOf() == null ? null : report.asOf().toString()},
                {"运行编号", report.runId()},
                {"开始时间", report.startedAt() == null ? null
                        : STARTED.format(report.startedAt().atZone(CHINA)) + "（北京时间）"},
                {"评估单位数", Integer.toString(report.agencies().size())},
                {"计分规则", scoringRule(report)},
                {"等级划分", "按得分率划分：优秀 ≥ 90%，良好 ≥ 75%，合格 ≥ 60%，不合格 < 60%。"},
                {"人工考察项", "规则包中标为人工考察（manual）的项无法从网站判断（如依申请公开办理情况），"
                        + "状态为“待人工复核”、复核前不得分；评估人员在得分卡中填写复核结论后，用 gongkai rescore 重新计分。"},
                {"复核方法", "在各单位得分卡的“复核结论”列选择“确认”或“改为 符合/部分符合/缺失/违规/不适用”；"
                        + "“复核得分”可填改定后的分数（不填时按计分规则给分：符合得满分，部分符合按比例，其余为0），"
                        + "“复核说明”写明理由。请勿增删列、改动表头或“规则编号”列，也勿删除工作表。"
                        + "保存后运行 gongkai rescore --run 运行编号 --reviewed 文件.xlsx，生成标出复核单元格的新测评表。"
                        + "证据列链接指向评估时抓取的页面，WARC记录列给出存档记录编号，可据此调取评估当日页面原貌。"
                        + "“证据”表的“读取情况”列标出无法读取（已损坏、有密码、疑似压缩炸弹）或只读取了部分内容的附件及原因；"
                        + "未被任何考察点引用的此类附件也各列一行（考察点为“（未计入考察点）无法读取的附件”），请人工打开核对。"},
                {"复核记录", render.context.reviews().isEmpty() ? null
                        : render.context.reviews().size() + " 项，复核人 " + render.context.reviewer() + "，"
                        + (render.context.reviewedAt() == null ? "" : STARTED.format(render.context.reviewedAt().atZone(CHINA)) + "（北京时间）")
                        + "；复核过的单元格加粗、加框并填底色，改定的状态标“复核改定”。"},
                {"对比运行", render.comparison.present()
                        ? render.comparison.previous().runId() + "（基准日 " + render.comparison.previous().asOf()
                        + "）：排名表和得分卡的变化列、“进步与退步”表与之对比" : null},
        };
        int r = 2;
        for (String[] fact : facts) {
            if (fact[1] == null && OPTIONAL.contains(fact[0])) {
                continue;
            }
            Row row = sheet.createRow(r++);
            cells.text(row, 0, fact[0], cells.labelStyle());
            if (fact[1] != null) {
                cells.text(row, 1, fact[1], cells.style(Column.Kind.WRAP));
            }
        }
        r++;
        cells.text(sheet.createRow(r++), 0, "状态说明", cells.titleStyle());
        SheetTable<Legend> table = new SheetTable<>(sheet, cells, LEGEND, r);
        for (FindingStatus status : FindingStatus.values()) {
            table.add(new Legend(status));
        }
        for (String[] fact : facts) {
            table.fit(0, fact[0]);
        }
        table.finishLayout();
        sheet.setColumnWidth(1, 80 * 256);
    }

    /** The scoring rule in words, with the PARTIAL share taken from the findings (awarded ÷ points). */
    static String scoringRule(AuditReport report) {
        TreeSet<BigDecimal> partialShares = new TreeSet<>();
        for (AgencyResult agency : report.agencies()) {
            for (Finding f : agency.findings()) {
                if (f.status() == FindingStatus.PARTIAL && f.points() > 0) {
                    partialShares.add(BigDecimal.valueOf(f.awarded() / f.points())
                            .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
                }
            }
        }
        String partial;
        if (partialShares.isEmpty()) {
            partial = "部分符合按规则包规定的比例给分（本次评估无部分符合项）";
        } else if (partialShares.size() == 1) {
            partial = "部分符合得该项分值的" + share(partialShares.first());
        } else {
            StringBuilder sb = new StringBuilder("部分符合按各项规定比例给分（本次为");
            boolean first = true;
            for (BigDecimal s : partialShares) {
                sb.append(first ? "" : "、").append(percent(s));
                first = false;
            }
            partial = sb.append("）").toString();
        }
        return "每项按状态给分：符合得满分，" + partial + "，缺失和违规不得分，待人工复核项复核前不得分，"
                + "不适用项不计入满分。单位得分为各项得分之和，得分率 = 得分 ÷ 满分 × 100%。";
    }

    private static String share(BigDecimal s) {
        return s.compareTo(new BigDecimal("0.5")) == 0 ? "一半" : percent(s);
    }

    private static String percent(BigDecimal s) {
        return s.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String meaningOf(FindingStatus status) {
        return switch (status) {
            case MET -> "已公开，内容完整且及时：得该项满分。";
            case PARTIAL -> "已公开但逾期、过时或内容不完整：按计分规则得该项分值的一部分。";
            case MISSING -> "网站上未找到：不得分。";
            case VIOLATION -> "已找到但违反规定（如明显超过法定期限）：不得分。";
            case NEEDS_REVIEW -> "人工考察项，或需评估人员确认的候选证据：复核前不得分，复核后重新计分。";
            case NOT_APPLICABLE -> "该项不适用于本单位：不计分，也不计入满分。";
        };
    }
}
