package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseDatesTest {

    @Test
    void readsChineseNumeralDatesWithEitherZero() {
        assertThat(ChineseDates.first("二○一二年二月二十日")).isEqualTo(LocalDate.of(2012, 2, 20));
        assertThat(ChineseDates.first("二〇〇四年九月二十三日")).isEqualTo(LocalDate.of(2004, 9, 23));
        assertThat(ChineseDates.first("一九八一年五月二十三日")).isEqualTo(LocalDate.of(1981, 5, 23));
        assertThat(ChineseDates.first("二〇二四年十二月三十一日")).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void readsArabicForms() {
        assertThat(ChineseDates.first("发布时间:2014-12-11 00:00")).isEqualTo(LocalDate.of(2014, 12, 11));
        assertThat(ChineseDates.first("2022-02-11 08:52:25")).isEqualTo(LocalDate.of(2022, 2, 11));
        assertThat(ChineseDates.first("2019/2/5")).isEqualTo(LocalDate.of(2019, 2, 5));
        assertThat(ChineseDates.first("2018年12月4日")).isEqualTo(LocalDate.of(2018, 12, 4));
        assertThat(ChineseDates.first("2019 年 01 月 27 日")).isEqualTo(LocalDate.of(2019, 1, 27));
    }

    @Test
    void ignoresImpossibleDatesAndDocumentNumbers() {
        assertThat(ChineseDates.first("2019-13-40")).isNull();
        assertThat(ChineseDates.first("岚财金〔2016〕141号")).isNull();
        assertThat(ChineseDates.first("2017年1月“三公经费”")).isNull();
    }

    @Test
    void findsEveryDateInOrder() {
        assertThat(ChineseDates.findAll("公示时间:2017年2月1日至2017年2月7日"))
                .extracting(ChineseDates.Hit::date)
                .containsExactly(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 7));
    }
}
