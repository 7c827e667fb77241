package cn.gongkai.engine.fact;

import java.time.LocalDate;

/**
 * The explicit assessment date (--as-of) inserted into every session, so no rule ever reads the clock.
 */
public record AssessmentDate(LocalDate date) {

    /** The year whose 年报 and 决算 are normally due by this date: the previous calendar year. */
    public int previousYear() {
        return date.getYear() - 1;
    }

    public int year() {
        return date.getYear();
    }
}
