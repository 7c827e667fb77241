package cn.gongkai.report;

import cn.gongkai.engine.rule.FindingStatus;

/**
 * One assessor's conclusion on one finding, read from the 复核结论 / 复核得分 / 复核说明 cells of a returned
 * workbook.
 *
 * @param agency      单位名称
 * @param ruleId      the pack's rule id (the hidden 规则编号 column)
 * @param conclusion  the 复核结论 as written: {@code 确认} or {@code 改为 <状态>}
 * @param status      the status after review (the original one when confirmed)
 * @param awarded     points after review
 * @param note        复核说明 ({@code null} when empty)
 * @param cell        where the conclusion was read, e.g. {@code 03 湘江市教育局!K9}
 */
public record Review(String agency, String ruleId, String conclusion, FindingStatus status, double awarded,
                     String note, String cell) {

    /** The 复核结论 value meaning "the finding stands". */
    public static final String CONFIRM = "确认";
    /** Prefix of a 复核结论 that overrides the status, e.g. {@code 改为 部分符合}. */
    public static final String OVERRIDE = "改为";

    /** Whether the review keeps the finding as it was. */
    public boolean confirmed() {
        return CONFIRM.equals(conclusion);
    }
}
