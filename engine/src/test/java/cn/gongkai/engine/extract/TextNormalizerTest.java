package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void pinyinPairMojibakeIsRemovedAndTraditionalBecomesSimplified() {
        assertThat(TextNormalizer.normalize("發(fā)布日期")).isEqualTo("发布日期");
        assertThat(TextNormalizer.normalize("各區(qū)縣市")).isEqualTo("各区县市");
        assertThat(TextNormalizer.normalize("常德經(jīng)濟技術開發(fā)區(qū)")).isEqualTo("常德经济技术开发区");
    }

    @Test
    void bracketsThatAreNotPinyinAreKept() {
        assertThat(TextNormalizer.normalize("因公出国(境)费 附件(1) 表(a)")).isEqualTo("因公出国(境)费 附件(1) 表(a)");
    }

    @Test
    void fullWidthFormsFoldAndSpacesCollapse() {
        assertThat(TextNormalizer.normalize("发布时间：２０１９－０２－１５　　来源：市府办"))
                .isEqualTo("发布时间:2019-02-15 来源:市府办");
    }

    @Test
    void spacedLabelsMatchAsKeys() {
        assertThat(TextNormalizer.key("索 引 号：")).isEqualTo("索引号:");
        assertThat(TextNormalizer.key("标　　题")).isEqualTo("标题");
    }

    @Test
    void seedWithTraditionalAndMojibakeReadsAsSimplified() throws Exception {
        Path seed = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/seeds/001_bfc9ebbdd4e349a6.txt");
        String normalized = TextNormalizer.normalize(Files.readString(seed));
        assertThat(normalized).contains("常公开办发〔2020〕2号", "各区县市人民政府", "印发了《湖南省2020年政务公开工作要点》")
                .doesNotContain("(fā)", "(qū)", "發");
    }

    @Test
    void simplifiedTextIsLeftAsItIsAndOneTraditionalCharacterStillConverts() {
        String simplified = "湖南省数字政务示范厅2024年政府信息公开工作年度报告 发布日期 2025-01-20";
        assertThat(TextNormalizer.normalize(simplified)).isEqualTo(simplified);
        assertThat(TextNormalizer.normalize("湖南省数字政务示范厅2024年政府信息公开工作年度報告 发布日期 2025-01-20"))
                .isEqualTo(simplified);
    }
}
