package cn.gongkai.engine.fact;

/**
 * What a published page or attachment is, by its content rather than the column (栏目) it was filed under:
 * a 函 filed in the 年报 column is not a 年报.
 */
public enum DocumentKind {
    /** 政府信息公开指南 (条例第12条). */
    DISCLOSURE_GUIDE("政府信息公开指南"),
    /** 政府信息公开工作年度报告 (条例第49–50条); {@code yearCovered} is the year reported on. */
    ANNUAL_REPORT("政府信息公开工作年度报告"),
    /** 部门预算 (预算法第14条); {@code yearCovered} is the budget year. */
    DEPARTMENT_BUDGET("部门预算"),
    /** 部门决算 (预算法第14条); {@code yearCovered} is the year accounted for. */
    DEPARTMENT_FINAL_ACCOUNTS("部门决算"),
    /** Any other page: news, notices, policy documents not yet classified further. */
    OTHER("其他");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** The Chinese name assessors use. */
    public String label() {
        return label;
    }
}
