package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.Evidence;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The DRL global {@code ctx}: the assessment date, the pack's parameters and the verdict sink. Deadline
 * arithmetic lives here so DRL reads like the checklist ("the 年报 due by this date") and every threshold
 * comes from {@code pack.yaml}.
 */
public final class PackContext {

    private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final LocalDate asOf;
    private final Map<String, String> parameters;
    private final String packId;
    private final WorkingCalendar calendar;
    private final List<Verdict> verdicts = new ArrayList<>();

    PackContext(String packId, LocalDate asOf, Map<String, String> parameters, WorkingCalendar calendar) {
        this.packId = packId;
        this.asOf = asOf;
        this.parameters = parameters;
        this.calendar = calendar;
    }

    PackContext(String packId, LocalDate asOf, Map<String, String> parameters) {
        this(packId, asOf, parameters, null);
    }

    private WorkingCalendar calendar() {
        if (calendar == null) {
            throw new PackException(packId, "pack.yaml", "规则用到工作日，但规则包没有 calendar 工作日历",
                    "a rule counts working days but the pack has no calendar");
        }
        return calendar;
    }

    /** Working days after {@code from} up to {@code to} (条例第26条), by the pack's holiday calendar. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        return calendar().workingDaysAfter(from, to);
    }

    /** The day {@code intParam(daysKey)} working days after {@code from}: the last day to publish on time. */
    public LocalDate workingDeadline(LocalDate from, String daysKey) {
        return calendar().addWorkingDays(from, intParam(daysKey));
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** A parameter as text; a missing one is a pack error, reported with the key. */
    public String param(String key) {
        String value = parameters.get(key);
        if (value == null) {
            throw new PackException(packId, "pack.yaml", "缺少参数 " + key, "missing parameter " + key);
        }
        return value;
    }

    public int intParam(String key) {
        return Integer.parseInt(param(key).strip());
    }

    public LocalDate dateParam(String key) {
        return LocalDate.parse(param(key).strip());
    }

    /** A month-day parameter written {@code MM-DD}, e.g. {@code 01-31}. */
    public MonthDay monthDay(String key) {
        return MonthDay.parse("--" + param(key).strip());
    }

    /**
     * The latest year whose document is due by the assessment date, for a document of year Y due on the
     * month-day {@code dueKey} of year Y + {@code lag}. 决算 of 2024 due 2025-08-31 has lag 1.
     */
    public int dueYear(String dueKey, int lag) {
        MonthDay due = monthDay(dueKey);
        int y = asOf.getYear() - lag;
        return due.atYear(y + lag).isAfter(asOf) ? y - 1 : y;
    }

    /** The due date of the document of {@code year} under {@code dueKey} and {@code lag}. */
    public LocalDate dueDate(String dueKey, int year, int lag) {
        return monthDay(dueKey).atYear(year + lag);
    }

    /** The date before which a 指南 counts as outdated: as-of minus the maximum age, never before the floor. */
    public LocalDate notOlderThan(String maxAgeMonthsKey, String floorKey) {
        LocalDate byAge = asOf.minusMonths(intParam(maxAgeMonthsKey));
        LocalDate floor = dateParam(floorKey);
        return byAge.isBefore(floor) ? floor : byAge;
    }

    /** Formats a date the way assessors write it: 2025年3月10日. */
    public String cn(LocalDate date) {
        return date == null ? "未标注日期" : CN_DATE.format(date);
    }

    /** Records a rule's verdict. Called from DRL consequences only. */
    public void record(String ruleId, FindingStatus status, String explanation, Evidence... evidence) {
        verdicts.add(new Verdict(ruleId, status, explanation, Arrays.asList(evidence)));
    }

    /**
     * Records the verdict of {@code rule} for the item named by its {@code @id}: decision tables carry the item id
     * once, in their METADATA column, and their ACTION cells pass {@code drools.getRule()}.
     */
    public void record(org.kie.api.definition.rule.Rule rule, FindingStatus status, String explanation, Evidence... evidence) {
        Object id = rule.getMetaData().get("id");
        if (id == null) {
            throw new PackException(packId, rule.getName(), "规则没有 @id，不知道记录哪一条目",
                    "the rule has no @id, so it names no item");
        }
        record(id.toString(), status, explanation, evidence);
    }

    /**
     * A decision table's explanation with the document filled in: {@code {标题}} is its title,
     * {@code {发布日期}} its 发布日期 as assessors write it ({@link #cn}).
     */
    public String fill(String template, Document document) {
        return template.replace("{标题}", String.valueOf(document.title()))
                .replace("{发布日期}", cn(document.publishedOn()));
    }

    List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }
}
