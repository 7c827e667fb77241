package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.DocumentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a document is from its (normalised) title: 指南, 年报, 部门预算, 部门决算, or several of them
 * (a combined 决算+预算 page). The year covered is the year written next to the kind word; 年报, 预算 and 决算
 * need one, so a column title such as 政府信息公开年报 or 预决算公开 is not a document. A title that is a
 * 函/通知/要点/落实情况 about a 年报 is not a 年报; a 三公经费-only title is not a 部门预算/决算.
 */
final class KindClassifier {

    /** One kind found in a title, with the year it covers ({@code null} if not stated). */
    record KindYear(DocumentKind kind, Integer year) {
    }

    private static final Pattern GUIDE = Pattern.compile("信息公开指南|政务公开指南");
    private static final Pattern ANNUAL = Pattern.compile(
            "(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|政务公开(?:工作)?年度报告|公开年报");
    private static final Pattern NOT_ANNUAL = Pattern.compile("要点|落实情况|函$|的函|通知|意见|批复|督查|有关事项");
    private static final Pattern BUDGET = Pattern.compile(
            "(?:部门|单位|机关)(?:综合)?(?:收支)?预算|预算(?:信息)?公开|预算(?:情况)?说明|预算表|年度?预算$");
    private static final Pattern FINAL = Pattern.compile(
            "(?:部门|单位|机关)(?:综合)?(?:收支)?决算|(?<!预)决算(?:信息)?公开|决算(?:情况)?说明|决算表|年度?决算$");
    private static final Pattern NOT_MONEY = Pattern.compile("批复|审查|审计|执行情况|的通知|草案");
    private static final Pattern SAN_GONG = Pattern.compile("三公");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年?(?:度)?|([〇○零一二三四五六七八九]{4})\\s*年");
    /** Words naming another kind of document (文种): a title with one of these is not classified by its body. */
    static final Pattern OTHER_GENRE = Pattern.compile("函|通知|意见|决定|批复|通报|公告|办法|规定|方案|要点|总结|计划|纪要|讲话");

    private KindClassifier() {
    }

    static List<KindYear> classify(String title) {
        return classify(title, false);
    }

    /**
     * As {@link #classify(String)}; with {@code yearOptional} a 年报, 预算 or 决算 named without a year is kept with
     * a {@code null} year. For the text of a link to a file that could not be read: "部门决算" there is all we
     * know of the file, whereas a page titled so is a column.
     */
    static List<KindYear> classify(String title, boolean yearOptional) {
        List<KindYear> out = new ArrayList<>();
        if (title == null || title.isBlank()) {
            return out;
        }
        String t = title.replaceAll("\\s+", "");
        if (GUIDE.matcher(t).find()) {
            out.add(new KindYear(DocumentKind.DISCLOSURE_GUIDE, null));
            return out;
        }
        Matcher annual = ANNUAL.matcher(t);
        if (annual.find() && !NOT_ANNUAL.matcher(t).find()) {
            Integer year = yearNear(t, annual.start(), annual.end());
            if (year != null || yearOptional) {
                out.add(new KindYear(DocumentKind.ANNUAL_REPORT, year));
            }
            return out;
        }
        if (NOT_MONEY.matcher(t).find()) {
            return out;
        }
        Matcher budget = BUDGET.matcher(t);
        Matcher fin = FINAL.matcher(t);
        boolean hasBudget = budget.find();
        boolean hasFinal = fin.find();
        if (SAN_GONG.matcher(t).find() && !t.contains("部门预算") && !t.contains("部门决算")) {
            return out;
        }
        if (hasFinal && (yearOptional || yearNear(t, fin.start(), fin.end()) != null)) {
            out.add(new KindYear(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, yearNear(t, fin.start(), fin.end())));
        }
        if (hasBudget && (yearOptional || yearNear(t, budget.start(), budget.end()) != null)) {
            out.add(new KindYear(DocumentKind.DEPARTMENT_BUDGET, yearNear(t, budget.start(), budget.end())));
        }
        return out;
    }

    /** The year closest before the kind word (within the same clause), else the nearest after it, else any. */
    static Integer yearNear(String t, int kindStart, int kindEnd) {
        Integer before = null;
        int beforeGap = Integer.MAX_VALUE;
        Integer after = null;
        int afterGap = Integer.MAX_VALUE;
        Matcher m = YEAR.matcher(t);
        while (m.find()) {
            Integer y = m.group(1) != null ? Integer.valueOf(m.group(1)) : ChineseDates.chineseYear(m.group(2));
            if (y == null) {
                continue;
            }
            if (m.end() <= kindEnd && m.start() < kindStart) {
                int gap = kindStart - m.end();
                if (gap < beforeGap) {
                    before = y;
                    beforeGap = gap;
                }
            } else if (m.start() >= kindStart) {
                int gap = m.start() - kindEnd;
                if (gap < afterGap) {
                    after = y;
                    afterGap = gap;
                }
            }
        }
        if (before != null && beforeGap <= 30) {
            return before;
        }
        if (after != null && afterGap <= 12) {
            return after;
        }
        return before != null ? before : after;
    }
}
