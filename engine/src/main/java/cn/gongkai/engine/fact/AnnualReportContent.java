package cn.gongkai.engine.fact;

import java.util.Set;

/**
 * What a 年报 holds against the uniform format (国办公开办函〔2021〕30号): which of the six sections are present
 * and whether its statistics tables add up where that can be checked (总计 columns; 第三项 勾稽关系: 新收 + 上年结转
 * = 总计 + 结转下年度).
 *
 * @param yearCovered  the year reported on
 * @param sections     the sections present, by heading
 * @param tablesAddUp  {@code true}/{@code false} when at least one check could be made; {@code null} when the
 *                     page has no checkable table (text renderings flatten tables)
 * @param problems     which checks failed, in words (empty when they add up)
 */
public record AnnualReportContent(Integer yearCovered, Set<Section> sections, Boolean tablesAddUp,
                                  java.util.List<String> problems, Evidence source) {

    public AnnualReportContent {
        sections = sections == null ? Set.of() : Set.copyOf(sections);
        problems = problems == null ? java.util.List.of() : java.util.List.copyOf(problems);
    }

    /** Whether all six sections of the uniform format are present. */
    public boolean uniformFormat() {
        return sections.size() == Section.values().length;
    }

    /** The six sections of the uniform format, in order. */
    public enum Section {
        OVERVIEW("总体情况"),
        PROACTIVE("主动公开政府信息情况"),
        APPLICATIONS("收到和处理政府信息公开申请情况"),
        REVIEW_LITIGATION("政府信息公开行政复议、行政诉讼情况"),
        PROBLEMS("存在的主要问题及改进情况"),
        OTHER_MATTERS("其他需要报告的事项");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
