package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.HostileSites;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done": an audit of every fixture site plus every hostile site finishes within the configured
 * limits, and each hostile behaviour is recorded in audit.log and the run database.
 */
class HostileAuditTest {

    private static final Path TMP = Path.of("target/hostile-test").toAbsolutePath();

    @Test
    void auditOfFixtureAndHostileSitesFinishesAndRecordsEveryHostileCase() throws Exception {
        FileSystemUtils.deleteRecursively(TMP);
        Path out = TMP.resolve("out");
        Path data = TMP.resolve("data");
        try (FixtureServer server = FixtureServer.start(); HostileSites hostile = FixtureServer.startHostile()) {
            Path list = server.writeAgencyList(TMP.resolve("agencies.csv"), hostile);
            System.setProperty("gongkai.data-dir", data.toString());
            int exit;
            try {
                exit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, "audit",
                        "--agencies", list.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30",
                        "--out", out.toString(), "--max-pages", "60", "--delay-ms", "0", "--timeout-ms", "1500",
                        "--max-bytes", "1048576", "--retries", "1", "--retry-backoff-ms", "20",
                        "--progress-seconds", "5", "--parallel", "8"));
            } finally {
                System.clearProperty("gongkai.data-dir");
            }
            assertThat(exit).isZero();
        }
        String log = Files.readString(out.resolve("audit.log"), StandardCharsets.UTF_8);
        assertThat(log).contains(
                "测试-慢速滴漏站 http", "timeout after 1500ms",
                "测试-超大页面站 body cut at the byte cap (1048576 bytes)",
                "测试-压缩炸弹站 decoded body cut at the byte cap",
                "redirect loop", "too many redirects (more than 5)",
                "测试-日历陷阱站", "URL trap: more than 30 URLs like /calendar?date=…",
                "测试-会话标识陷阱站 links carry session ids",
                "测试-错误编码站 Content-Type application/octet-stream but the body is HTML",
                "Content-Type text/html but the body is PDF",
                "测试-服务错误风暴站 crawl stopped early: server error storm (10 failures in a row; last: HTTP 503)",
                "测试-连接重置站", "I/O error",
                "完成 / done");
        assertThat(out.resolve("findings.json")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*), COUNT(DISTINCT agency) FROM fetch_failure WHERE error = 'HTTP 503'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(10);
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
        assertThat(List.of(out.resolve("crawl.warc.gz"))).allMatch(Files::exists);
    }
}
