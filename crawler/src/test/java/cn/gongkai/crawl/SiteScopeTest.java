package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SiteScopeTest {

    private final SiteScope scope = SiteScope.of(URI.create("http://www.hunan.gov.cn/zfxxgk/index.html"));

    @Test
    void wwwPrefixAndPathDoNotChangeTheSite() {
        assertThat(scope.contains(URI.create("http://hunan.gov.cn/"))).isTrue();
        assertThat(scope.contains(URI.create("http://WWW.Hunan.gov.cn/xxgk/zn.html"))).isTrue();
    }

    @Test
    void httpsUpgradeOnTheSameHostStaysInScope() {
        assertThat(scope.contains(URI.create("https://www.hunan.gov.cn/"))).isTrue();
    }

    @Test
    void subdomainsOtherHostsAndOtherPortsAreOutOfScope() {
        assertThat(scope.contains(URI.create("http://fgw.hunan.gov.cn/"))).isFalse();
        assertThat(scope.contains(URI.create("http://www.gov.cn/"))).isFalse();
        assertThat(scope.contains(URI.create("http://www.hunan.gov.cn:8080/"))).isFalse();
        assertThat(scope.contains(URI.create("ftp://www.hunan.gov.cn/"))).isFalse();
    }

    @Test
    void explicitPortMustMatch() {
        SiteScope local = SiteScope.of(URI.create("http://127.0.0.1:8080/"));
        assertThat(local.contains(URI.create("http://127.0.0.1:8080/a"))).isTrue();
        assertThat(local.contains(URI.create("http://127.0.0.1:8081/a"))).isFalse();
        assertThat(local.contains(URI.create("http://127.0.0.1/a"))).isFalse();
    }
}
