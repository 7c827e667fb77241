package cn.gongkai.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void textStartingWithFormulaTriggersIsFormulaLike() {
        for (String s : new String[] {"=1+1", "+86", "-5", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SafeText.isFormulaLike(s)).as(s).isTrue();
        }
        assertThat(SafeText.isFormulaLike("政府信息公开 = 好")).isFalse();
        assertThat(SafeText.isFormulaLike("")).isFalse();
    }

    @Test
    void onlyAbsoluteHttpUrlsMayBecomeLinks() {
        assertThat(SafeText.httpUrl("http://www.gov.cn/")).contains("http://www.gov.cn/");
        assertThat(SafeText.httpUrl("HTTPS://www.gov.cn/政策/文件.html")).isPresent();
        assertThat(SafeText.httpUrl("javascript:alert(1)")).isEmpty();
        assertThat(SafeText.httpUrl("file:///etc/passwd")).isEmpty();
        assertThat(SafeText.httpUrl("=HYPERLINK(\"http://x\")")).isEmpty();
        assertThat(SafeText.httpUrl("http://a.gov.cn/x y")).isEmpty();
        assertThat(SafeText.httpUrl("/relative/path")).isEmpty();
        assertThat(SafeText.httpUrl(null)).isEmpty();
    }

    @Test
    void chineseCharactersCountDoubleInDisplayWidth() {
        assertThat(SafeText.displayWidth("abc")).isEqualTo(3);
        assertThat(SafeText.displayWidth("政务公开")).isEqualTo(8);
        assertThat(SafeText.displayWidth("第12条（一）")).isEqualTo(12);
    }

    @Test
    void overlongTextIsCutToWhatACellHolds() {
        String text = "政".repeat(40_000);
        assertThat(SafeText.fitCell(text)).hasSize(SafeText.MAX_CELL_CHARS).endsWith("…");
    }
}
