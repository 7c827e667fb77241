package cn.gongkai.engine.rule;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    private static final WorkingCalendar CAL = WorkingCalendar.parse("""
            years:
              2024:
                source: 国办发明电〔2023〕7号
                holidays: [2024-10-01, 2024-10-02, 2024-10-03, 2024-10-04, 2024-10-05, 2024-10-06, 2024-10-07]
                workdays: [2024-09-29, 2024-10-12]
            """);

    @Test
    void holidaysAreOffAndMakeUpWeekendsAreOn() {
        assertThat(CAL.isWorkingDay(LocalDate.of(2024, 10, 2))).isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();   // Saturday 调休上班
        assertThat(CAL.isWorkingDay(LocalDate.of(2024, 10, 13))).isFalse();  // Sunday
        assertThat(CAL.workingDaysAfter(LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 8))).isEqualTo(3);
        assertThat(CAL.addWorkingDays(LocalDate.of(2024, 9, 27), 20)).isEqualTo(LocalDate.of(2024, 10, 30));
        assertThat(CAL.source(2024)).contains("国办发明电");
    }

    @Test
    void aYearWithoutDataFailsLoudly() {
        assertThatThrownBy(() -> CAL.workingDaysAfter(LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025").hasMessageContaining("no data");
    }

    @Test
    void aYearWithoutSourceIsRejected() {
        assertThatThrownBy(() -> WorkingCalendar.parse("years:\n  2025:\n    holidays: []\n"))
                .hasMessageContaining("source");
    }
}
