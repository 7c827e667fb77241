package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Evidence;

import java.util.List;

/**
 * The outcome of one checklist item for one agency.
 *
 * @param rule         the pack's rule id, e.g. {@code REG2019-49}
 * @param item         the item's number as its source writes it, e.g. {@code 第49条} or {@code (十六)}
 * @param title        the item's title from {@code pack.yaml}
 * @param area         the item's area (一级指标) from {@code pack.yaml}
 * @param status       how the item came out
 * @param points       the item's full points
 * @param awarded      points awarded
 * @param evidence     the pages the verdict rests on
 * @param explanation  a plain Chinese sentence saying what was found
 * @param vetoes       whether this finding fails the whole site (单项否决 item found missing or violated)
 */
public record Finding(
        String rule,
        String item,
        String title,
        String area,
        FindingStatus status,
        double points,
        double awarded,
        List<Evidence> evidence,
        String explanation,
        boolean vetoes) {

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A finding that does not veto the site. */
    public Finding(String rule, String item, String title, String area, FindingStatus status, double points,
                   double awarded, List<Evidence> evidence, String explanation) {
        this(rule, item, title, area, status, points, awarded, evidence, explanation, false);
    }
}
