package cn.gongkai.engine.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule pack: one checklist (要点) or legal baseline, as data. Loaded at run time from a folder holding
 * {@code pack.yaml} and the DRL files it lists, so assessors change points and thresholds without Java. A pack
 * that {@code extends} another is stored here already merged: {@link #items()} is the effective item list.
 *
 * @param id            pack id, e.g. {@code cn-regulation-2019}
 * @param title         pack title
 * @param region        region the checklist applies to
 * @param year          checklist year
 * @param version       pack version, raised on every edit
 * @param source        the source document the items come from
 * @param partialShare  share of an item's points awarded for {@link FindingStatus#PARTIAL}
 * @param parameters    thresholds and deadlines the DRL reads through {@link PackContext}
 * @param items         checklist items in source order (inherited ones first)
 * @param rules         DRL sources by file name (inherited ones prefixed with their pack id)
 * @param lineage       this pack's id and the ids of the packs it extends, nearest first
 * @param dropped       inherited item ids this pack (or an ancestor) dropped: their rules' verdicts are ignored
 * @param calendar      the working-day calendar for 第26条-style deadlines; {@code null} if the pack has none
 * @param scoring       pass mark and veto cap
 */
public record RulePack(
        String id,
        String title,
        String region,
        int year,
        String version,
        String source,
        double partialShare,
        Map<String, String> parameters,
        List<PackItem> items,
        Map<String, String> rules,
        List<String> lineage,
        Set<String> dropped,
        WorkingCalendar calendar,
        Scoring scoring) {

    public RulePack {
        parameters = Map.copyOf(parameters);
        items = List.copyOf(items);
        rules = Map.copyOf(rules);
        lineage = lineage == null || lineage.isEmpty() ? List.of(id) : List.copyOf(lineage);
        dropped = dropped == null ? Set.of() : Set.copyOf(dropped);
        scoring = scoring == null ? Scoring.NONE : scoring;
    }

    /** A stand-alone pack without a calendar or scoring rules. */
    public RulePack(String id, String title, String region, int year, String version, String source,
                    double partialShare, Map<String, String> parameters, List<PackItem> items, Map<String, String> rules) {
        this(id, title, region, year, version, source, partialShare, parameters, items, rules, List.of(id), Set.of(),
                null, Scoring.NONE);
    }

    public Optional<PackItem> item(String ruleId) {
        return items.stream().filter(i -> i.id().equals(ruleId)).findFirst();
    }

    /** Sum of all items' points: the full marks before items are excluded as not applicable. */
    public double totalPoints() {
        return items.stream().mapToDouble(PackItem::points).sum();
    }

    /**
     * The pack's rule sources for people: each DRL file, and each decision table as
     * {@code 文件 工作表“…”（决策表，N 条规则）}; its own first, then inherited ones ({@code parent/file}).
     */
    public List<String> ruleSources() {
        return rules.keySet().stream()
                .sorted(java.util.Comparator.comparing((String k) -> k.contains("/")).thenComparing(k -> k))
                .map(k -> {
                    String inherited = k.contains("/") ? "，继承" : "";
                    if (!DecisionTables.isTableKey(k)) {
                        return k + "（DRL" + inherited + "）";
                    }
                    long count = rules.get(k).lines().filter(l -> l.startsWith("rule \"")).count();
                    int bang = k.indexOf('!');
                    String where = bang < 0 ? k : k.substring(0, bang) + " 工作表“" + k.substring(bang + 1) + "”";
                    return where + "（决策表，" + count + " 条规则" + inherited + "）";
                })
                .toList();
    }

    /** The pack this one extends, if any. */
    public Optional<String> parent() {
        return lineage.size() > 1 ? Optional.of(lineage.get(1)) : Optional.empty();
    }

    /**
     * How a pack turns findings into a verdict on the site.
     *
     * @param passMark  score below which a site 不合格 ({@code null}: no pass mark)
     * @param vetoCap   the most a vetoed site may score ({@code null}: a veto only marks the site 不合格)
     */
    public record Scoring(Double passMark, Double vetoCap) {
        public static final Scoring NONE = new Scoring(null, null);
    }
}
