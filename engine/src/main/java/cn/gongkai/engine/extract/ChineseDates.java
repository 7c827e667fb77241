package cn.gongkai.engine.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates as Chinese government pages write them: {@code 2019-02-15 10:30(:00)}, {@code 2019/02/15},
 * {@code 2019年2月15日}, and Chinese numerals with {@code 〇} or {@code ○} ({@code 二○一二年二月二十日}).
 * Expects text folded by {@link TextNormalizer#foldWidth} (ASCII digits).
 */
final class ChineseDates {

    /** A date and where it sits in the text. */
    record Hit(LocalDate date, int start, int end) {
    }

    private static final Pattern ARABIC = Pattern.compile(
            "(?<![\\d.])(\\d{4})\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|([-/.])(\\d{1,2})\\4(\\d{1,2})(?![\\d]))"
                    + "(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern CHINESE = Pattern.compile(
            "([〇○零OО0一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseDates() {
    }

    static List<Hit> findAll(String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null) {
            return hits;
        }
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            String mo = m.group(2) != null ? m.group(2) : m.group(5);
            String d = m.group(3) != null ? m.group(3) : m.group(6);
            LocalDate date = of(y, Integer.parseInt(mo), Integer.parseInt(d));
            if (date != null) {
                hits.add(new Hit(date, m.start(), m.end()));
            }
        }
        Matcher c = CHINESE.matcher(text);
        while (c.find()) {
            Integer y = chineseYear(c.group(1));
            LocalDate date = y == null ? null : of(y, chineseNumber(c.group(2)), chineseNumber(c.group(3)));
            if (date != null) {
                hits.add(new Hit(date, c.start(), c.end()));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return hits;
    }

    /** The first date in the text, or {@code null}. */
    static LocalDate first(String text) {
        List<Hit> hits = findAll(text);
        return hits.isEmpty() ? null : hits.get(0).date();
    }

    static Integer chineseYear(String s) {
        int y = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int d = (ch == '○' || ch == '零' || ch == 'O' || ch == 'О' || ch == '0') ? 0 : DIGITS.indexOf(ch);
            if (d < 0) {
                return null;
            }
            y = y * 10 + d;
        }
        return y;
    }

    /** 一 … 三十一 to 1 … 31. */
    static int chineseNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return DIGITS.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
        return tens * 10 + units;
    }

    private static LocalDate of(int y, int m, int d) {
        if (y < 1949 || y > 2100) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
