package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This run against a previous one, agency by agency (matched by 单位名称) and item by item (matched by rule id):
 * an item is 改进 when it earns more points than before and 退步 when it earns fewer.
 */
final class Comparison {

    /** One agency's change; {@code before} is {@code null} when the previous run did not assess it. */
    record AgencyChange(AgencyResult now, AgencyResult before, List<ItemChange> fixed, List<ItemChange> regressed) {

        Double scoreChange() {
            return before == null ? null : now.score() - before.score();
        }

        /** Places gained: positive when the agency moved up. */
        Integer rankChange() {
            return before == null ? null : before.rank() - now.rank();
        }
    }

    record ItemChange(Finding now, Finding before) {
        String describe() {
            return ScorecardSheet.itemText(now) + "：" + before.status().label() + "→" + now.status().label()
                    + "（" + ScorecardSheet.points(before.awarded()) + "→" + ScorecardSheet.points(now.awarded()) + "分）";
        }
    }

    private final Map<String, AgencyChange> byAgency = new HashMap<>();
    private final AuditReport previous;

    private Comparison(AuditReport previous) {
        this.previous = previous;
    }

    static Comparison of(AuditReport report, AuditReport previous) {
        Comparison c = new Comparison(previous);
        if (previous == null) {
            return c;
        }
        Map<String, AgencyResult> before = new HashMap<>();
        previous.agencies().forEach(a -> before.put(a.agency().name(), a));
        for (AgencyResult now : report.agencies()) {
            AgencyResult was = before.get(now.agency().name());
            List<ItemChange> fixed = new ArrayList<>();
            List<ItemChange> regressed = new ArrayList<>();
            if (was != null) {
                Map<String, Finding> old = findings(was);
                for (Finding f : now.findings()) {
                    Finding o = old.get(f.rule());
                    if (o == null || o.status() == null || f.status() == null) {
                        continue;
                    }
                    if (f.awarded() > o.awarded()) {
                        fixed.add(new ItemChange(f, o));
                    } else if (f.awarded() < o.awarded()) {
                        regressed.add(new ItemChange(f, o));
                    }
                }
            }
            c.byAgency.put(now.agency().name(), new AgencyChange(now, was, fixed, regressed));
        }
        return c;
    }

    boolean present() {
        return previous != null;
    }

    AuditReport previous() {
        return previous;
    }

    AgencyChange of(AgencyResult agency) {
        return byAgency.get(agency.agency().name());
    }

    /** The previous finding of the same rule for this agency, or {@code null}. */
    Finding before(AgencyResult agency, Finding finding) {
        AgencyChange change = of(agency);
        if (change == null || change.before() == null) {
            return null;
        }
        return findings(change.before()).get(finding.rule());
    }

    private static Map<String, Finding> findings(AgencyResult a) {
        Map<String, Finding> m = new HashMap<>();
        a.findings().forEach(f -> m.put(f.rule(), f));
        return m;
    }
}
