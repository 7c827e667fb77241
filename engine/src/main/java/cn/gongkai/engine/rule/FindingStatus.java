package cn.gongkai.engine.rule;

/**
 * How a checklist item came out for one agency. The names are part of the {@code findings.json} contract.
 */
public enum FindingStatus {
    /** Published, complete and on time: full points. */
    MET("符合"),
    /** Published but late, outdated or incomplete: the pack's partial share of the points. */
    PARTIAL("部分符合"),
    /** Not found on the site: no points. */
    MISSING("缺失"),
    /** Found and contrary to the rule (e.g. a deadline broken outright): no points. */
    VIOLATION("违规"),
    /** Needs an assessor: manual items, or candidate evidence an assessor must confirm. No points until reviewed. */
    NEEDS_REVIEW("待人工复核"),
    /** The item does not apply to this agency: excluded from the full marks. */
    NOT_APPLICABLE("不适用");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    /** The Chinese status shown in workbooks and reports. */
    public String label() {
        return label;
    }
}
