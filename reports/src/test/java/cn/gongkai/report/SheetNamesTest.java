package cn.gongkai.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheetNamesTest {

    @Test
    void forbiddenCharactersBecomeUnderscores() {
        assertThat(new SheetNames().claim("a[b]c:d*e?f/g\\h")).isEqualTo("a_b_c_d_e_f_g_h");
    }

    @Test
    void longNamesAreCutTo31Characters() {
        String name = new SheetNames().claim("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三");
        assertThat(name).hasSize(31);
    }

    @Test
    void truncatedNamesThatCollideGetANumberedSuffixWithinTheLimit() {
        SheetNames names = new SheetNames();
        String base = "长沙市望城区人民政府办公室政务公开和政府信息公开工作领导小组办公室";
        String first = names.claim(base + "甲");
        String second = names.claim(base + "乙");
        String third = names.claim(base + "丙");
        assertThat(first).hasSize(31);
        assertThat(second).hasSizeLessThanOrEqualTo(31).endsWith("(2)");
        assertThat(third).hasSizeLessThanOrEqualTo(31).endsWith("(3)");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void namesDifferingOnlyInCaseCollideAsInExcel() {
        SheetNames names = new SheetNames();
        names.claim("Sheet");
        assertThat(names.claim("SHEET")).isEqualTo("SHEET(2)");
    }

    @Test
    void blankNamesAndSurroundingApostrophesAreReplaced() {
        SheetNames names = new SheetNames();
        assertThat(names.claim("  ")).isEqualTo("工作表");
        assertThat(names.claim("'引号'")).isEqualTo("引号");
    }
}
