package cn.gongkai.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken rule packs an assessor may write, one folder each under {@code bad-packs/} with the expected outcome in
 * {@code bad-packs/cases.csv}: {@code gongkai packs validate DIR} exits non-zero and names file and line, never a
 * stack trace.
 */
class BadRulePackTest {

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(BadRulePackTest.class.getResource("/bad-packs/cases.csv").toURI()).getParent();
        return Files.readAllLines(dir.resolve("cases.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(",", 3))
                .map(f -> Arguments.of(dir.resolve(f[0]), Integer.parseInt(f[1]), Arrays.asList(f[2].split("\\|"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenPackIsRejectedNamingFileAndLine(Path pack, int exit, List<String> fragments) {
        OutputFaultTest.Result r = OutputFaultTest.run(Path.of("target/bad-packs-test/data").toAbsolutePath(),
                List.of("packs", "validate", pack.toString()));
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        fragments.forEach(f -> assertThat(r.err()).contains(f));
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @org.junit.jupiter.api.Test
    void anAuditWithABrokenDecisionTableStopsBeforeARunIsRecordedNamingSheetAndCell() throws Exception {
        Path dir = Path.of(BadRulePackTest.class.getResource("/bad-packs/cases.csv").toURI()).getParent();
        Path work = Path.of("target/bad-packs-test/audit").toAbsolutePath();
        Files.createDirectories(work);
        Path list = Files.writeString(work.resolve("agencies.csv"), "单位名称,网站地址\n湘江市统计局,http://127.0.0.1:9/\n");
        Path data = work.resolve("data");
        OutputFaultTest.Result r = OutputFaultTest.run(data, List.of("audit", "--agencies", list.toString(),
                "--pack", dir.resolve("dtable-bad-code").toString(), "--as-of", "2025-09-30",
                "--out", work.resolve("out").toString()));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("t.xlsx:规则!B10", "决策表第 10 行").doesNotContain("\tat ");
        assertThat(OutputFaultTest.statuses(data)).isEmpty();
        assertThat(work.resolve("out")).doesNotExist();
    }
}
