package cn.gongkai.app.run;

import cn.gongkai.app.GongkaiApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run database survives what a long campaign throws at it: an H2 file left by a process killed with SIGKILL
 * while writing opens again with everything it had committed, and the schema migrations can be applied any number
 * of times.
 */
class RunDatabaseRecoveryTest {

    private static final Path TMP = Path.of("target/run-db-test").toAbsolutePath();
    private static final int COMMITTED_BEFORE_KILL = 200;

    @Test
    void migrationsAppliedAgainChangeNothingAndStillValidate() throws Exception {
        Path data = fresh("twice");
        assertThat(flyway(data).migrate().migrationsExecuted).isPositive();
        assertThat(flyway(data).migrate().migrationsExecuted).isZero();
        flyway(data).validate();
        // And the application, which migrates on start, opens the same database twice.
        assertThat(runs(data)).isZero();
        assertThat(runs(data)).isZero();
    }

    @Test
    void aDatabaseLeftByAProcessKilledWhileWritingOpensAgainWithItsCommittedRows() throws Exception {
        Path data = fresh("killed");
        flyway(data).migrate();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url(data))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed < COMMITTED_BEFORE_KILL && (line = out.readLine()) != null) {
                committed = Integer.parseInt(line.strip());
            }
            child.destroyForcibly();   // SIGKILL while it keeps inserting: no shutdown hook closes the database
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the writer got going before the kill").isEqualTo(COMMITTED_BEFORE_KILL);

        try (Connection c = DriverManager.getConnection(url(data), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM run WHERE pack_id = 'killed-writer'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every row committed before the kill is there").isGreaterThanOrEqualTo(committed);
        }
        assertThat(flyway(data).migrate().migrationsExecuted).isZero();
        assertThat(runs(data)).as("the command line opens the database the killed process left").isZero();
    }

    /** Runs in a child JVM: inserts runs one transaction at a time and prints how many are committed, forever. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                c.setAutoCommit(false);
                PreparedStatement st = c.prepareStatement(
                        "INSERT INTO run (id, pack_id, as_of, status, started_at) VALUES (?, 'killed-writer', ?, 'RUNNING', ?)");
                for (int i = 1; ; i++) {
                    st.setString(1, "killed-" + i);
                    st.setObject(2, LocalDate.of(2025, 9, 30));
                    st.setTimestamp(3, Timestamp.from(Instant.now()));
                    st.executeUpdate();
                    c.commit();
                    System.out.println(i);
                    System.out.flush();
                }
            }
        }
    }

    private static Path fresh(String name) throws Exception {
        Path dir = TMP.resolve(name);
        FileSystemUtils.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    /** The database URL exactly as the application configures it, for the given data folder. */
    private static String url(Path data) throws java.io.IOException {
        java.util.Properties props = new java.util.Properties();
        try (var in = GongkaiApplication.class.getResourceAsStream("/application.properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props.getProperty("spring.datasource.url").replace("${gongkai.data-dir}", data.toString());
    }

    private static Flyway flyway(Path data) throws java.io.IOException {
        return Flyway.configure().dataSource(url(data), "sa", "").locations("classpath:db/migration").load();
    }

    private static int runs(Path data) {
        System.setProperty("gongkai.data-dir", data.toString());
        try {
            return SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, List.of("runs").toArray(String[]::new)));
        } finally {
            System.clearProperty("gongkai.data-dir");
        }
    }
}
