package cn.gongkai.engine.rule;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * China's working days as data: weekends off, statutory holidays off, and make-up working weekends (调休上班) on,
 * per each year's 《国务院办公厅关于XXXX年部分节假日安排的通知》. Used for 条例第26条 (2019; 2007 第18条): 主动公开
 * within 20 working days. A year the calendar does not list fails loudly: counting it as plain weekdays would
 * silently misjudge deadlines.
 */
public final class WorkingCalendar {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Set<Integer> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Map<Integer, String> sources;

    private WorkingCalendar(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> workdays,
                            Map<Integer, String> sources) {
        this.years = Set.copyOf(years);
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
        this.sources = Map.copyOf(sources);
    }

    /**
     * Reads a calendar file: {@code years: {2024: {source: …, holidays: [dates], workdays: [dates]}}}.
     *
     * @throws IllegalArgumentException naming the year and value at fault
     */
    public static WorkingCalendar parse(String yaml) {
        JsonNode root = YAML.readTree(yaml);
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        Map<Integer, String> sources = new HashMap<>();
        for (var e : root.path("years").properties()) {
            int year = Integer.parseInt(e.getKey());
            String source = e.getValue().path("source").asString("");
            if (source.isBlank()) {
                throw new IllegalArgumentException(year + " 年缺少来源 source / year " + year + " has no source");
            }
            years.add(year);
            sources.put(year, source);
            e.getValue().path("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asString())));
            e.getValue().path("workdays").forEach(d -> workdays.add(LocalDate.parse(d.asString())));
        }
        return new WorkingCalendar(years, holidays, workdays, sources);
    }

    /** Whether government offices work on {@code day}. */
    public boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear())) {
            throw new IllegalArgumentException("工作日历未收录 " + day.getYear() + " 年（请在 workdays 数据中补充当年节假日安排）"
                    + " / the working-day calendar has no data for " + day.getYear());
        }
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * Working days after {@code from} up to and including {@code to}: a document formed on a Friday and
     * published the next Monday took 1 working day. Zero when {@code to} is not after {@code from}.
     */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The date on which {@code count} working days after {@code from} have passed: the 第26条 deadline. */
    public LocalDate addWorkingDays(LocalDate from, int count) {
        LocalDate d = from;
        int n = 0;
        while (n < count) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }

    /** Where the year's data comes from, or empty text for an unknown year. */
    public String source(int year) {
        return sources.getOrDefault(year, "");
    }

    public Set<Integer> years() {
        return years;
    }
}
