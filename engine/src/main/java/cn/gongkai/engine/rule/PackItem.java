package cn.gongkai.engine.rule;

/**
 * One checklist item of a rule pack, as {@code pack.yaml} states it.
 *
 * @param id      rule id, unique in the pack, e.g. {@code REG2019-49}
 * @param item    the item's number as the source writes it, e.g. {@code 第49条}, {@code (十六)}
 * @param title   what the item asks, in the source's words or close to them
 * @param area    the area (一级指标) it is scored under
 * @param points  full points
 * @param check   how it is checked
 * @param basis   the article or checklist text it rests on, for the fix list
 */
public record PackItem(String id, String item, String title, String area, double points, CheckMode check, String basis) {
}
