package cn.gongkai.engine.fact;

/**
 * The items a 政府信息公开指南 must state under 条例第12条 (2019 text): how information is organised and
 * obtained, and how to reach the 工作机构.
 */
public enum GuideField {
    CLASSIFICATION("信息分类"),
    ORGANISATION("编排体系"),
    ACCESS_METHOD("获取方式"),
    OFFICE_NAME("工作机构名称"),
    OFFICE_ADDRESS("办公地址"),
    OFFICE_HOURS("办公时间"),
    PHONE("联系电话"),
    FAX("传真号码"),
    ONLINE_CONTACT("互联网联系方式");

    private final String label;

    GuideField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The labels of the items a guide does not state, in 第12条 order, joined with 、. */
    public static String missingLabels(java.util.Set<GuideField> present) {
        return java.util.Arrays.stream(values())
                .filter(f -> !present.contains(f))
                .map(GuideField::label)
                .collect(java.util.stream.Collectors.joining("、"));
    }
}
