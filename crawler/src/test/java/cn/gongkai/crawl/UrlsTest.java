package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void normalisationDropsFragmentsDefaultPortsAndDotSegments() {
        assertThat(Urls.normalise("HTTP://Www.Example.gov.cn:80/a/../b/./c.html#top"))
                .contains(URI.create("http://www.example.gov.cn/b/c.html"));
    }

    @Test
    void nonAsciiPathsAreEscapedNotRejected() {
        assertThat(Urls.normalise("http://example.gov.cn/政务公开/指南.html").orElseThrow().toString())
                .isEqualTo("http://example.gov.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/%E6%8C%87%E5%8D%97.html");
    }

    @Test
    void nonHttpSchemesAreNotUrlsForTheCrawler() {
        assertThat(Urls.normalise("javascript:void(0)")).isEmpty();
        assertThat(Urls.normalise("mailto:xxgk@example.gov.cn")).isEmpty();
        assertThat(Urls.normalise("ftp://example.gov.cn/a")).isEmpty();
    }

    @Test
    void officeAndPdfFilesAreAttachments() {
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/files/2024年报.PDF"
                .replace("年报", "nb")))).isTrue();
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/a.wps"))).isTrue();
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/a.et"))).isTrue();
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/a.zip"))).isFalse();
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/pdf/index.html"))).isFalse();
        assertThat(Urls.isAttachment(URI.create("http://x.gov.cn/v1.2/list"))).isFalse();
    }
}
