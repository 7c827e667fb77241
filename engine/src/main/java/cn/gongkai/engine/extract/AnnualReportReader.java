package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.AnnualReportContent.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Checks a 年报 against the uniform format (国办公开办函〔2021〕30号): which of the six numbered sections it has,
 * and whether its statistics tables add up where the layout allows a check: each 总计 column equals the sum of
 * the columns before it (back to the previous 总计), and in 第三项 the 勾稽关系 "本年新收 + 上年结转 = 总计 +
 * 结转下年度" holds per column. Text renderings (tables flattened) are not checked.
 */
final class AnnualReportReader {

    private static final String NUMBERED = "[一二三四五六七八九十]\\s*[、.．]\\s*";
    private static final Map<Section, Pattern> SECTIONS = new EnumMap<>(Section.class);

    static {
        SECTIONS.put(Section.OVERVIEW, heading("(?:政府信息公开(?:工作)?)?(?:总体情况|基本情况|概述)"));
        SECTIONS.put(Section.PROACTIVE, heading("主动公开政府信息(?:的)?情况"));
        SECTIONS.put(Section.APPLICATIONS, heading("收到和处理政府信息公开申请(?:的)?情况"));
        SECTIONS.put(Section.REVIEW_LITIGATION, heading("(?:政府信息公开|因政府信息公开(?:申请)?)?(?:引起的)?行政复议[、和及]\\s*行政诉讼"));
        SECTIONS.put(Section.PROBLEMS, heading("(?:存在的)?主要问题(?:及|和)改进"));
        SECTIONS.put(Section.OTHER_MATTERS, heading("其他需要报告的事项"));
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private AnnualReportReader() {
    }

    private static Pattern heading(String words) {
        return Pattern.compile(NUMBERED + words);
    }

    static Set<Section> sections(String normalizedText) {
        Set<Section> found = EnumSet.noneOf(Section.class);
        SECTIONS.forEach((s, p) -> {
            if (p.matcher(normalizedText).find()) {
                found.add(s);
            }
        });
        return found;
    }

    /**
     * The failed checks of the page's tables; {@code null} when no check could be made.
     *
     * @param tables the page's innermost {@code <table>} elements
     */
    static List<String> tableProblems(List<Element> tables) {
        List<String> problems = new ArrayList<>();
        int checks = 0;
        int n = 0;
        for (Element table : tables) {
            n++;
            List<List<String>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                rows.add(tr.select("th, td").stream().map(c -> TextNormalizer.foldWidth(c.text()).strip()).toList());
            }
            checks += totalColumns(n, rows, problems);
            checks += balance(n, rows, problems);
        }
        return checks == 0 ? null : problems;
    }

    /** 总计 columns, counted from the right so a leading label column does not matter. */
    private static int totalColumns(int table, List<List<String>> rows, List<String> problems) {
        List<Integer> totalsFromRight = null;
        int checks = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (totalsFromRight == null || row.stream().anyMatch("总计"::equals)) {
                if (row.stream().anyMatch("总计"::equals)) {
                    totalsFromRight = new ArrayList<>();
                    for (int i = row.size() - 1; i >= 0; i--) {
                        if (row.get(i).equals("总计")) {
                            totalsFromRight.add(row.size() - 1 - i);
                        }
                    }
                }
                continue;
            }
            for (int k = 0; k < totalsFromRight.size(); k++) {
                int at = totalsFromRight.get(k);
                int stop = k + 1 < totalsFromRight.size() ? totalsFromRight.get(k + 1) : row.size();
                BigDecimal total = number(row, at);
                if (total == null) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                int parts = 0;
                for (int i = at + 1; i < stop && i < row.size(); i++) {
                    BigDecimal v = number(row, i);
                    if (v == null) {
                        break;
                    }
                    sum = sum.add(v);
                    parts++;
                }
                if (parts >= 2) {
                    checks++;
                    if (sum.compareTo(total) != 0) {
                        problems.add("表" + table + "第" + (r + 1) + "行：总计 " + total.toPlainString() + " ≠ 分项之和 "
                                + sum.toPlainString());
                    }
                }
            }
        }
        return checks;
    }

    /** 第三项: 本年新收 + 上年结转 = 总计 + 结转下年度, column by column. */
    private static int balance(int table, List<List<String>> rows, List<String> problems) {
        List<String> received = row(rows, "本年新收");
        List<String> carried = row(rows, "上年结转");
        List<String> total = rowEndingWith(rows, "总计");
        List<String> next = row(rows, "结转下年度");
        if (received == null || carried == null || total == null || next == null) {
            return 0;
        }
        int checks = 0;
        for (int i = 0; i < received.size() - 1; i++) {
            BigDecimal a = number(received, i);
            BigDecimal b = number(carried, i);
            BigDecimal c = number(total, i);
            BigDecimal d = number(next, i);
            if (a == null || b == null || c == null || d == null) {
                continue;
            }
            checks++;
            if (a.add(b).compareTo(c.add(d)) != 0) {
                problems.add("表" + table + "勾稽关系：新收 " + a + " + 上年结转 " + b + " ≠ 总计 " + c + " + 结转下年度 " + d);
            }
        }
        return checks;
    }

    private static List<String> row(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> !r.isEmpty() && r.get(0).contains(label) && r.size() >= 2).findFirst()
                .orElse(null);
    }

    private static List<String> rowEndingWith(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.size() >= 2 && r.get(0).replaceAll("^[（(][一二三四五六七八九十]+[)）]", "")
                .equals(label)).findFirst().orElse(null);
    }

    /** The cell {@code fromRight} places from the row's end, as a number; {@code null} if not one. */
    private static BigDecimal number(List<String> row, int fromRight) {
        int i = row.size() - 1 - fromRight;
        if (i < 0) {
            return null;
        }
        String v = row.get(i).replace(",", "");
        return NUMBER.matcher(v).matches() ? new BigDecimal(v) : null;
    }
}
