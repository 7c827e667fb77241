package cn.gongkai.engine.rule;

import java.util.List;

/**
 * One checklist item of a rule pack, as {@code pack.yaml} states it.
 *
 * @param id            rule id, unique in the pack, e.g. {@code REG2019-49}
 * @param item          the item's number as the source writes it, e.g. {@code 第49条}, {@code (十六)}
 * @param title         what the item asks, in the source's words or close to them
 * @param area          the area (一级指标) it is scored under
 * @param points        full points
 * @param check         how it is checked
 * @param basis         the article or checklist text it rests on, for the fix list
 * @param lead          牵头单位 where the source (a 分解表) names them; empty otherwise
 * @param responsible   责任单位 where the source names them; empty otherwise
 * @param applicability which agencies the item applies to (type, tier, attributes)
 * @param veto          单项否决: a MISSING or VIOLATION finding on this item fails the whole site
 * @param partialShare  share of the points for PARTIAL on this item; {@code null} takes the pack's share
 */
public record PackItem(String id, String item, String title, String area, double points, CheckMode check, String basis,
                       List<String> lead, List<String> responsible, Applicability applicability, boolean veto,
                       Double partialShare) {

    public PackItem {
        lead = lead == null ? List.of() : List.copyOf(lead);
        responsible = responsible == null ? List.of() : List.copyOf(responsible);
        applicability = applicability == null ? Applicability.ALL : applicability;
    }

    /** An item that applies to every agency, is not a veto and uses the pack's partial share. */
    public PackItem(String id, String item, String title, String area, double points, CheckMode check, String basis) {
        this(id, item, title, area, points, check, basis, List.of(), List.of(), Applicability.ALL, false, null);
    }

    /** The same item with other points (a child pack re-weighting an inherited item). */
    public PackItem withPoints(double newPoints) {
        return new PackItem(id, item, title, area, newPoints, check, basis, lead, responsible, applicability, veto,
                partialShare);
    }
}
