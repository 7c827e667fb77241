package cn.gongkai.engine.fact;

/**
 * Whether an agency is a government (本级政府: 区县政府, 乡镇) or a department (部门). Deadlines differ:
 * 条例第49条 (2019) wants 部门 年报 by 1月31日 and 政府 年报 by 3月31日.
 */
public enum AgencyType {
    GOVERNMENT("政府"),
    DEPARTMENT("部门");

    private final String label;

    AgencyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads the agency list's 单位类型 cell; anything naming 政府/人民政府/乡/镇/街道 is a government. */
    public static AgencyType fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return DEPARTMENT;
        }
        String t = text.strip();
        if (t.contains("政府") || t.equals("乡镇") || t.contains("街道") || t.equalsIgnoreCase("GOVERNMENT")) {
            return GOVERNMENT;
        }
        return DEPARTMENT;
    }
}
