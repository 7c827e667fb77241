package cn.gongkai.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportsTest {

    @TempDir
    static Path dir;
    static JsonNode findings;
    static JsonNode facts;

    @BeforeAll
    static void writeAll() {
        new ReportWriter().writeAll(SampleReports.threeAgencies(), dir);
        JsonMapper mapper = JsonMapper.builder().build();
        findings = mapper.readTree(dir.resolve(ReportWriter.FINDINGS).toFile());
        facts = mapper.readTree(dir.resolve(ReportWriter.FACTS).toFile());
    }

    @Test
    void writeAllProducesWorkbookAndBothJsonFilesAndNoLeftovers() throws IOException {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("assessment.xlsx", "report.html", "findings.json", "facts.json");
        }
    }

    @Test
    void findingsJsonHasTheContractFields() {
        assertThat(names(findings)).containsExactly("pack", "asOf", "runId", "agencies");
        assertThat(findings.get("pack").asString()).isEqualTo("cn-regulation-2019");
        assertThat(findings.get("asOf").asString()).isEqualTo("2026-03-02");
        assertThat(findings.get("agencies")).hasSize(3);

        JsonNode agency = findings.get("agencies").get(0);
        assertThat(names(agency)).containsExactly("name", "url", "disclosureUrls", "tier", "type", "score", "maxScore", "rank",
                "vetoed", "findings");
        assertThat(agency.get("type").asString()).isEqualTo("DEPARTMENT");
        assertThat(agency.get("score").asDouble()).isEqualTo(72.5);
        assertThat(agency.get("vetoed").asBoolean()).isFalse();

        JsonNode finding = agency.get("findings").get(0);
        assertThat(names(finding)).containsExactly("rule", "item", "title", "status", "points", "awarded",
                "evidence", "explanation");
        assertThat(finding.get("status").asString()).isEqualTo("MET");
        assertThat(finding.get("item").asString()).isEqualTo("第12条");
        JsonNode evidence = finding.get("evidence").get(0);
        assertThat(names(evidence)).containsExactly("url", "fetchedAt", "warcRecordId");
        assertThat(evidence.get("fetchedAt").asString()).isEqualTo("2026-03-02T01:30:00Z");
    }

    @Test
    void findingsJsonKeepsPageTextVerbatim() {
        JsonNode finding = findings.get("agencies").get(1).get("findings").get(0);
        assertThat(finding.get("explanation").asString()).isEqualTo(SampleReports.FORMULA_EXPLANATION);
        assertThat(finding.get("title").asString()).isEqualTo(SampleReports.DASH_TITLE);
    }

    @Test
    void factsJsonHasVisitAndFactsWithIsoDates() {
        assertThat(names(facts)).containsExactly("pack", "asOf", "agencies");
        JsonNode agency = facts.get("agencies").get(0);
        assertThat(names(agency)).containsExactly("name", "url", "visit", "facts", "observations");
        assertThat(names(agency.get("visit"))).containsExactly("reachable", "pagesFetched", "failures", "error");

        JsonNode fact = agency.get("facts").get(0);
        assertThat(names(fact)).containsExactly("kind", "title", "url", "fetchedAt", "warcRecordId", "yearCovered",
                "publishedOn", "writtenOn", "guideFields", "hasSanGong", "details", "issuer", "attribution");
        assertThat(fact.get("kind").asString()).isEqualTo("DISCLOSURE_GUIDE");
        assertThat(fact.get("publishedOn").asString()).isEqualTo("2025-01-10");
        assertThat(fact.get("writtenOn").asString()).isEqualTo("2025-01-08");
        assertThat(fact.get("yearCovered").asInt()).isEqualTo(2025);
        assertThat(fact.get("guideFields")).extracting(JsonNode::asString)
                .containsExactly("CLASSIFICATION", "PHONE");

        JsonNode unreachable = facts.get("agencies").get(2).get("visit");
        assertThat(unreachable.get("reachable").asBoolean()).isFalse();
        assertThat(unreachable.get("error").asString()).isEqualTo("连接超时");
    }

    @Test
    void jsonIsPrettyPrintedUtf8WithChineseUnescaped() throws IOException {
        String text = Files.readString(dir.resolve(ReportWriter.FINDINGS), StandardCharsets.UTF_8);
        assertThat(text).contains("湖南省数字政务示范厅").doesNotContain("\\u").contains("\n  ");
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
