package cn.gongkai.engine.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    void linesAreTrimmedOfSpacesAndNbspAndEmptyLinesDropped() {
        assertThat(HtmlText.tidyLines("  标题 \u00A0\n \n\u00A0发布日期：2025-03-10  \n\n\n正文")).isEqualTo("标题\n发布日期：2025-03-10\n正文");
    }

    @Test
    void aMegabyteOfSpacesWithoutNewlinesIsTidiedInOnePass() {
        // A decompressed bomb of spaces: the old regex clean-up was quadratic here and hung the audit.
        String bomb = "正文" + " ".repeat(1 << 20) + "结尾";
        assertThat(HtmlText.tidyLines(bomb)).startsWith("正文").endsWith("结尾").hasSize(4 + (1 << 20));
    }
}
