package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPolicyTest {

    @TempDir
    Path dir;

    /** Names mapped to addresses by the test, literals parsed: no DNS, no network. */
    private static TargetPolicy.Resolver hosts(Map<String, String> names) {
        return host -> {
            String ip = names.getOrDefault(host, host);
            if (!ip.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[]{InetAddress.getByName(ip)};
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.0.0.2, loopback",
            "[::1], loopback",
            "10.0.0.1, private",
            "172.16.5.4, private",
            "192.168.1.1, private",
            "100.64.0.1, private (carrier-grade NAT)",
            "169.254.169.254, metadata",
            "169.254.1.1, link-local",
            "[fd00:ec2::254], metadata",
            "[fd12:3456::1], private (unique local)",
            "[fe80::1], link-local",
            "224.0.0.251, multicast",
            "[ff02::1], multicast",
            "0.0.0.0, unspecified",
            "[::], unspecified",
            "[::ffff:10.0.0.1], private",
            "[::ffff:169.254.169.254], metadata",
            "255.255.255.255, reserved",
    })
    void nonPublicAddressesAreRefused(String host, String kind) {
        TargetPolicy policy = TargetPolicy.publicOnly(hosts(Map.of()), false, false);

        assertThat(policy.refusal(URI.create("http://" + host + "/")))
                .hasValueSatisfying(reason -> assertThat(reason).endsWith("(" + kind + ")"));
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "[2001:4860:4860::8888]", "114.114.114.114"})
    void publicAddressesAreAllowed(String host) {
        assertThat(TargetPolicy.publicOnly(hosts(Map.of()), false, false).refusal(URI.create("http://" + host + "/")))
                .isEmpty();
    }

    @Test
    void aNameIsJudgedByTheAddressItResolvesTo() {
        TargetPolicy policy = TargetPolicy.publicOnly(hosts(Map.of("oa.intranet.gov.cn", "10.1.2.3",
                "www.example.gov.cn", "114.114.114.114", "localhost", "127.0.0.1")), true, false);

        assertThat(policy.refusal(URI.create("http://oa.intranet.gov.cn/")))
                .contains("address not allowed: oa.intranet.gov.cn → 10.1.2.3 (private)");
        assertThat(policy.refusal(URI.create("http://www.example.gov.cn/"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://localhost:8080/"))).as("loopback allowed here").isEmpty();
        assertThat(policy.refusal(URI.create("http://no-such-host.invalid/"))).as("fails later as unknown host").isEmpty();
    }

    @Test
    void anOperatorMayAllowPrivateTargets() {
        TargetPolicy policy = TargetPolicy.publicOnly(hosts(Map.of()), false, true);

        assertThat(policy.refusal(URI.create("http://10.0.0.1/"))).isEmpty();
        assertThat(policy.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).isEmpty();
    }

    @Test
    void theCrawlerAllowsEverythingByDefault() {
        assertThat(CrawlSettings.defaults().targetPolicy()).isSameAs(TargetPolicy.ALLOW_ALL);
        assertThat(TestSettings.fast().targetPolicy()).isSameAs(TargetPolicy.ALLOW_ALL);
    }

    @Test
    void aSeedResolvingToAPrivateAddressIsNeverContacted() throws Exception {
        try (TestSite site = new TestSite(); WarcArchive archive = WarcArchive.create(dir.resolve("c.warc.gz"))) {
            site.page("/", "<p>首页</p>");
            // The fixture listens on loopback; loopback is refused here, as on a production server.
            TargetPolicy policy = TargetPolicy.publicOnly(hosts(Map.of()), false, false);

            SiteCrawl crawl = new SiteCrawler(TestSettings.fast().withTargetPolicy(policy), archive).crawl(site.uri("/"));

            assertThat(crawl.seedReached()).isFalse();
            assertThat(crawl.failures()).isNotEmpty().allSatisfy(f ->
                    assertThat(f.error()).startsWith("refused: address not allowed: 127.0.0.1 → 127.0.0.1 (loopback)"));
            assertThat(site.hits()).isEmpty();
        }
    }

    @Test
    void aRedirectIntoAPrivateAddressIsRefusedWhileLoopbackIsAllowed() throws Exception {
        try (TestSite site = new TestSite(); WarcArchive archive = WarcArchive.create(dir.resolve("c.warc.gz"))) {
            // robots.txt redirects are followed anywhere (RFC 9309), so this is the way off-site.
            site.redirect("/robots.txt", "http://metadata.internal/robots.txt")
                    .page("/", "<a href='/old'>旧</a>");
            TargetPolicy policy = TargetPolicy.publicOnly(hosts(Map.of("metadata.internal", "169.254.169.254")),
                    true, false);

            SiteCrawl crawl = new SiteCrawler(TestSettings.fast().withTargetPolicy(policy), archive).crawl(site.uri("/"));

            assertThat(crawl.failures()).anySatisfy(f -> assertThat(f.error())
                    .contains("refused: address not allowed: metadata.internal → 169.254.169.254 (metadata)"));
            assertThat(site.hits()).extracting(TestSite.Hit::path).containsExactly("/robots.txt");
        }
    }

    @Test
    void everyFetchIsCheckedAgainSoARebindingNameIsCaughtOnTheRedirect() throws Exception {
        try (TestSite site = new TestSite(); WarcArchive archive = WarcArchive.create(dir.resolve("c.warc.gz"))) {
            site.page("/", "<a href='/old'>旧</a>").redirect("/old", "/new").page("/new", "<p>新</p>");
            // DNS rebinding: the name answers with loopback at first and with a private address afterwards.
            AtomicInteger lookups = new AtomicInteger();
            TargetPolicy.Resolver rebinding = host -> new InetAddress[]{InetAddress.getByName(
                    lookups.incrementAndGet() <= 3 ? "127.0.0.1" : "10.0.0.1")};
            TargetPolicy policy = TargetPolicy.publicOnly(rebinding, true, false);

            SiteCrawl crawl = new SiteCrawler(TestSettings.fast().withTargetPolicy(policy), archive).crawl(site.uri("/"));

            // lookups 1–3: robots.txt, "/", "/old" (answers 301); lookup 4: the hop to "/new" is refused.
            assertThat(crawl.failures()).singleElement().satisfies(f -> {
                assertThat(f.url()).isEqualTo(site.url("/old"));
                assertThat(f.error()).contains("refused: address not allowed").contains("10.0.0.1 (private)");
            });
            assertThat(site.hits()).extracting(TestSite.Hit::path).doesNotContain("/new");
        }
    }
}
