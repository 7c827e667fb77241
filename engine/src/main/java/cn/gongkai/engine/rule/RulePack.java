package cn.gongkai.engine.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule pack: one checklist (要点) or legal baseline, as data. Loaded at run time from a folder holding
 * {@code pack.yaml} and the DRL files it lists, so assessors change points and thresholds without Java.
 *
 * @param id            pack id, e.g. {@code cn-regulation-2019}
 * @param title         pack title
 * @param region        region the checklist applies to
 * @param year          checklist year
 * @param version       pack version, raised on every edit
 * @param source        the source document the items come from
 * @param partialShare  share of an item's points awarded for {@link FindingStatus#PARTIAL}
 * @param parameters    thresholds and deadlines the DRL reads through {@link PackContext}
 * @param items         checklist items in source order
 * @param rules         DRL sources by file name
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
        Map<String, String> rules) {

    public RulePack {
        parameters = Map.copyOf(parameters);
        items = List.copyOf(items);
        rules = Map.copyOf(rules);
    }

    public Optional<PackItem> item(String ruleId) {
        return items.stream().filter(i -> i.id().equals(ruleId)).findFirst();
    }

    /** Sum of all items' points: the full marks before items are excluded as not applicable. */
    public double totalPoints() {
        return items.stream().mapToDouble(PackItem::points).sum();
    }
}
