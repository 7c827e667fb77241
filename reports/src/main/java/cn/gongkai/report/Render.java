package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.CheckMode;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.PackItem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one rendering looks things up in: the report, its context, the comparison, reviews by finding. */
final class Render {

    final AuditReport report;
    final ReportContext context;
    final Comparison comparison;
    private final Map<String, Review> reviews = new HashMap<>();
    private final Map<String, PackItem> items = new LinkedHashMap<>();

    Render(AuditReport report, ReportContext context) {
        this.report = report;
        this.context = context == null ? ReportContext.none() : context;
        this.comparison = Comparison.of(report, this.context.previous());
        this.context.reviews().forEach(r -> reviews.put(key(r.agency(), r.ruleId()), r));
        report.items().forEach(i -> items.put(i.id(), i));
    }

    Review review(AgencyResult agency, Finding finding) {
        return reviews.get(key(agency.agency().name(), finding.rule()));
    }

    PackItem item(String ruleId) {
        return items.get(ruleId);
    }

    /**
     * The checklist's columns for the score matrix: the pack's items in source order when known, otherwise the
     * rules in the order the findings give them.
     */
    List<ItemColumn> itemColumns() {
        Map<String, ItemColumn> columns = new LinkedHashMap<>();
        for (PackItem i : report.items()) {
            columns.put(i.id(), new ItemColumn(i.id(), i.item(), i.title(), i.area(), i.points()));
        }
        for (AgencyResult a : report.agencies()) {
            for (Finding f : a.findings()) {
                columns.putIfAbsent(f.rule(), new ItemColumn(f.rule(), f.item(), f.title(), f.area(), f.points()));
            }
        }
        return List.copyOf(columns.values());
    }

    /** One checklist item as a matrix column. */
    record ItemColumn(String rule, String item, String title, String area, double points) {
    }

    /** 评分细则 of a finding's item, from its points, the pack's partial share and how it is checked. */
    String scoringRule(Finding f) {
        PackItem item = item(f.rule());
        double points = item != null ? item.points() : f.points();
        StringBuilder sb = new StringBuilder("满分").append(ScorecardSheet.points(points)).append("分：符合得满分");
        double share = report.partialShare();
        if (!Double.isNaN(share)) {
            sb.append("，部分符合得").append(ScorecardSheet.points(points * share)).append("分");
        } else {
            sb.append("，部分符合得部分分值");
        }
        sb.append("，缺失或违规不得分");
        if (item != null && item.check() != null) {
            sb.append("；").append(checkLabel(item.check()));
        }
        return sb.append("。").toString();
    }

    static String checkLabel(CheckMode mode) {
        return switch (mode.name()) {
            case "AUTO" -> "自动检查";
            case "ASSISTED" -> "自动初查、人工确认";
            case "MANUAL" -> "人工考察，复核前不得分";
            default -> mode.name();
        };
    }

    private static String key(String agency, String rule) {
        return agency + '\u0000' + rule;
    }
}
