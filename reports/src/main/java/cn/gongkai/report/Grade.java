package cn.gongkai.report;

/** The grade band an agency's score percentage falls in, as assessors report it. */
public enum Grade {
    EXCELLENT("优秀", 90),
    GOOD("良好", 75),
    PASS("合格", 60),
    FAIL("不合格", Double.NEGATIVE_INFINITY);

    private final String label;
    private final double floor;

    Grade(String label, double floor) {
        this.label = label;
        this.floor = floor;
    }

    public String label() {
        return label;
    }

    /** The grade for a percentage in 0–100: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, otherwise 不合格. */
    public static Grade of(double percentage) {
        for (Grade g : values()) {
            if (percentage >= g.floor) {
                return g;
            }
        }
        return FAIL;
    }
}
