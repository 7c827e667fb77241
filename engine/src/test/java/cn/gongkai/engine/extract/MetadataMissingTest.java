package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 13 www.gov.cn pages with their metadata labels 发布日期 and 成文日期 blanked out: the body is full of decoy
 * dates, so 发布日期 must come out empty, and 成文日期 falls back to the signature (落款) date.
 */
class MetadataMissingTest {

    @Test
    void withoutMetadataNoBodyDateBecomesThePublicationDateAndSignaturesGiveTheWrittenDate() throws Exception {
        List<String> wrongWritten = new ArrayList<>();
        int pages = 0;
        for (RealPages.Label label : RealPages.labels()) {
            if (!label.file().startsWith("govcn-policy-")) {
                continue;
            }
            pages++;
            String html = new String(RealPages.source(label.file()).body(), StandardCharsets.UTF_8)
                    .replace("成文日期", "XXXX").replace("发布日期", "YYYY");
            ExtractedPage page = Pages.extract(Pages.html("https://www.gov.cn/zhengce/content/x.htm", html));
            assertThat(page.publishedOn()).as(label.file()).isNull();
            if (page.writtenOn() != null) {
                assertThat(page.writtenOn()).as(label.file()).isEqualTo(label.writtenOn());
            } else {
                wrongWritten.add(label.file());
            }
        }
        assertThat(pages).isEqualTo(13);
        // 专利代理条例 is signed by the premier (总理 李克强), not an issuing body: no signature found.
        assertThat(wrongWritten).containsExactly("govcn-policy-guoling-706-regulation-effective-date-decoy.html");
    }
}
