package cn.gongkai.app;

import cn.gongkai.fixtures.FixtureServer;
import cn.gongkai.fixtures.FixtureSite;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An output folder that cannot be written (disk full, read-only, a file in the way): the user is told which
 * folder and why, the run is marked failed rather than done, the run database stays intact, and once the folder is
 * fixed {@code audit --resume} finishes the run from what was collected, without fetching the sites again.
 * Tests run as root in CI, so "unwritable" is made with a file or a non-empty folder where the output must go,
 * which no permission bit can override.
 */
class OutputFaultTest {

    private static final Path TMP = Path.of("target/output-fault-test").toAbsolutePath();

    @Test
    void anOutputFolderThatIsAFileIsAClearErrorAndNoRunIsLeftHalfDone() throws Exception {
        Path dir = fresh("out-is-file");
        Path out = Files.writeString(dir.resolve("out"), "not a folder");
        try (FixtureServer server = FixtureServer.start()) {
            Path list = agencyList(server, dir.resolve("agencies.csv"), 1);
            Result r = run(dir.resolve("data"), audit(list, out));
            assertThat(r.exit).isEqualTo(1);
            assertThat(r.err).contains("无法写入输出目录 " + out, "cannot write the output folder " + out);
            assertThat(r.err).doesNotContain("\tat ");   // a message, not a stack trace
            assertThat(server.requests().total()).as("nothing crawled for outputs that cannot be written").isZero();
        }
        assertThat(statuses(dir.resolve("data"))).doesNotContainValue("DONE");
    }

    @Test
    void aWorkbookThatCannotBeWrittenFailsTheRunResumablyAndResumeFinishesWithoutRefetching() throws Exception {
        Path dir = fresh("workbook-blocked");
        Path out = dir.resolve("out");
        // Something the workbook cannot replace, as a full disk refuses the last write of an audit.
        Path blocker = Files.createDirectories(out.resolve("assessment.xlsx"));
        Files.writeString(blocker.resolve("keep"), "x");
        Path data = dir.resolve("data");
        try (FixtureServer server = FixtureServer.start()) {
            Path list = agencyList(server, dir.resolve("agencies.csv"), 2);
            Result failed = run(data, audit(list, out));
            assertThat(failed.exit).isEqualTo(1);
            Matcher resume = Pattern.compile("gongkai audit --resume (\\S+?)[ 。;]").matcher(failed.err);
            assertThat(resume.find()).as("the error tells how to resume: %s", failed.err).isTrue();
            String runId = resume.group(1);
            assertThat(failed.err).contains("无法写入输出目录 " + out);
            assertThat(statuses(data)).containsEntry(runId, "FAILED");
            assertThat(pagesStored(data, runId)).as("collected pages kept in the database").isPositive();
            assertThat(out.resolve("crawl.warc.gz")).isNotEmptyFile();
            int fetched = server.requests().total();

            FileSystemUtils.deleteRecursively(blocker);
            Result resumed = run(data, List.of("audit", "--resume", runId, "--progress-seconds", "0"));
            assertThat(resumed.exit).as(resumed.err).isZero();
            assertThat(statuses(data)).containsEntry(runId, "DONE");
            assertThat(out.resolve("assessment.xlsx")).isNotEmptyFile();
            assertThat(out.resolve("findings.json")).isNotEmptyFile();
            assertThat(server.requests().total()).as("the resumed run replays the archive instead of fetching").isEqualTo(fetched);
        }
    }

    private static Path fresh(String name) throws IOException {
        Path dir = TMP.resolve(name);
        FileSystemUtils.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    /** The first {@code n} fixture sites as an agency list. */
    static Path agencyList(FixtureServer server, Path file, int n) throws IOException {
        StringBuilder csv = new StringBuilder("单位名称,网站地址,单位类型,层级\n");
        for (FixtureSite site : server.sites().subList(0, n)) {
            csv.append(site.name()).append(',').append(server.siteUrl(site.id())).append(',').append(site.type())
                    .append(',').append(site.tier()).append('\n');
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    static List<String> audit(Path list, Path out) {
        return List.of("audit", "--agencies", list.toString(), "--pack", "cn-regulation-2019", "--as-of", "2025-09-30",
                "--out", out.toString(), "--max-pages", "60", "--delay-ms", "0", "--ip-delay-ms", "0",
                "--retries", "0", "--progress-seconds", "0");
    }

    record Result(int exit, String err) {
    }

    /** The real command line in this JVM, its standard error captured. */
    static Result run(Path data, List<String> args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("gongkai.data-dir", data.toString());
        try {
            int exit = SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args.toArray(String[]::new)));
            return new Result(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.clearProperty("gongkai.data-dir");
        }
    }

    static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gongkai") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    static Map<String, String> statuses(Path data) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        if (!Files.exists(data.resolve("gongkai.mv.db"))) {
            return out;
        }
        try (Connection c = connect(data); ResultSet rs = c.createStatement().executeQuery("SELECT id, status FROM run")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static int pagesStored(Path data, String runId) throws SQLException {
        try (Connection c = connect(data); var st = c.prepareStatement("SELECT COUNT(*) FROM page WHERE run_id = ?")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
