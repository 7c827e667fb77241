package cn.gongkai.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's console carries its own text and our log lines, nothing a framework prints on a normal run (issue 20):
 * no Drools compiler log ahead of our pack problems, no Log4j or SLF4J provider warning, no JVM warning. Each command
 * runs in its own JVM from the application's class path, as {@code ./gongkai} runs it, so that what libraries print
 * once per JVM is seen too. What stays off the console is still in the log file beside the run database.
 */
class QuietConsoleTest {

    private static final Path TMP = Path.of("target/quiet-console-test").toAbsolutePath();

    record Console(int exit, String out, String err) {
        List<String> noise() {
            List<String> n = new ArrayList<>(ConsoleNoise.of(out));
            n.addAll(ConsoleNoise.of(err));
            return n;
        }
    }

    @BeforeAll
    static void clean() {
        FileSystemUtils.deleteRecursively(TMP.toFile());
    }

    /** {@code gongkai ARGS} in a child JVM with its own data folder; standard output and error kept apart. */
    static Console gongkai(String name, String... args) throws IOException, InterruptedException {
        Path data = TMP.resolve("data-" + name);
        Path out = TMP.resolve(name + ".out");
        Path err = TMP.resolve(name + ".err");
        Files.createDirectories(data);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dgongkai.data-dir=" + data, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dlogging.pattern.console=" + ConsoleNoise.PATTERN,
                // A short-lived child on shared cores: C1 only and the serial collector halve its CPU time.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                GongkaiApplication.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("gongkai %s finished", String.join(" ", args)).isTrue();
        return new Console(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void packsValidateOfABrokenPackPrintsOurProblemsAndLeavesDroolsOwnLogToTheLogFile() throws Exception {
        Path pack = Path.of(getClass().getResource("/bad-packs/drl-syntax/pack.yaml").toURI()).getParent();

        Console c = gongkai("validate", "packs", "validate", pack.toString());

        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.err()).contains("规则包", "r.drl:7", "DRL does not compile");
        assertThat(c.noise()).as("stdout:%n%s%nstderr:%n%s", c.out(), c.err()).isEmpty();
        assertThat(TMP.resolve("data-validate/gongkai.log")).content(StandardCharsets.UTF_8)
                .contains("Unable to build KieBaseModel");
    }

    @Test
    void runsPrintsOnlyItsList() throws Exception {
        Console c = gongkai("runs", "runs");

        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("尚无测评运行");
        assertThat(c.noise()).as("stdout:%n%s%nstderr:%n%s", c.out(), c.err()).isEmpty();
    }

    @Test
    void auditPrintsOnlyItsProgressAndOurLogLines() throws Exception {
        // One agency whose site is down (the discard port, closed on loopback): the whole pipeline runs — Spring,
        // Flyway and H2, Drools, POI for the workbook — without waiting on a crawl.
        Path list = Files.writeString(Files.createDirectories(TMP).resolve("agencies.csv"),
                "单位名称,网站地址\n湘江市统计局,http://127.0.0.1:9/\n", StandardCharsets.UTF_8);

        Console c = gongkai("audit", "audit", "--agencies", list.toString(), "--pack", "cn-regulation-2019",
                "--as-of", "2025-09-30", "--out", TMP.resolve("audit-out").toString(), "--retries", "0",
                "--progress-seconds", "0");

        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("湘江市统计局", "[cn.gongkai.");
        assertThat(TMP.resolve("audit-out/assessment.xlsx")).isNotEmptyFile();
        assertThat(c.noise()).as("stdout:%n%s%nstderr:%n%s", c.out(), c.err()).isEmpty();
    }
}
