package cn.gongkai.engine.rule;

import java.time.LocalDate;

/**
 * An approved exemption (豁免) of one agency from one checklist item until a date.
 *
 * @param agency         单位名称 as the agency list writes it
 * @param rule           the pack's rule id (e.g. {@code HN2020-1}) or the item number as the source writes it
 *                       (e.g. {@code (一)})
 * @param justification  why the item is waived
 * @param expires        last day the waiver holds (inclusive)
 * @param approver       who approved it
 * @param source         file and row the waiver was read from, for messages
 */
public record Waiver(String agency, String rule, String justification, LocalDate expires, String approver,
                     String source) {

    /** Whether this waiver covers {@code finding} for {@code agencyName}. */
    boolean covers(String agencyName, Finding finding) {
        return agency.equals(agencyName) && (rule.equals(finding.rule()) || rule.equals(finding.item()));
    }

    /** The note shown with a waived finding in every output. */
    String note() {
        return "【豁免】" + justification + "（批准人：" + approver + "，有效期至 " + expires + "）";
    }
}
