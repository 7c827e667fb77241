package cn.gongkai.rules;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.GuideField;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.engine.score.Score;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped pack runs on every fixture agency, fed the facts its {@code ground-truth.yaml} says the site shows
 * (no crawl: the crawl-to-facts path is the demo test's business).
 */
class FixtureAgenciesTest {

    private static final Path SITES = Path.of("../fixtures/src/main/resources/sites");
    private static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

    private static Map<String, AgencyFacts> fixtureAgencies() throws IOException {
        Map<String, AgencyFacts> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(SITES)) {
            for (Path site : s.filter(p -> Files.isRegularFile(p.resolve("ground-truth.yaml"))).sorted().toList()) {
                JsonNode t = YAMLMapper.builder().build().readTree(Files.readString(site.resolve("ground-truth.yaml")));
                Agency agency = new Agency(t.path("name").asString(), "http://fixture/", AgencyType.fromLabel(t.path("type").asString()),
                        t.path("tier").asString());
                List<Document> docs = new ArrayList<>();
                for (JsonNode d : t.path("documents")) {
                    Set<GuideField> fields = EnumSet.noneOf(GuideField.class);
                    d.path("guideFields").forEach(f -> fields.add(GuideField.valueOf(f.asString())));
                    docs.add(new Document(DocumentKind.valueOf(d.path("kind").asString()), d.path("title").asString(),
                            "http://fixture" + d.path("path").asString(), null, null,
                            d.hasNonNull("yearCovered") ? d.path("yearCovered").asInt() : null,
                            d.hasNonNull("publishedOn") ? LocalDate.parse(d.path("publishedOn").asString()) : null,
                            d.hasNonNull("writtenOn") ? LocalDate.parse(d.path("writtenOn").asString()) : null,
                            fields, d.path("hasSanGong").asBoolean(false)));
                }
                out.put(site.getFileName().toString(), new AgencyFacts(agency,
                        new SiteVisit("http://fixture/", true, 20, t.path("deadLinks").size(), null), docs, List.of()));
            }
        }
        return out;
    }

    @Test
    void everyShippedPackGivesOneFindingPerItemForEveryFixtureAgency() throws IOException {
        Map<String, AgencyFacts> agencies = fixtureAgencies();
        assertThat(agencies).hasSize(5);
        for (String id : RulePacks.shippedIds()) {
            RulePack pack = RulePacks.loadShipped(id);
            RuleEvaluator evaluator = new RuleEvaluator(pack);
            agencies.forEach((site, facts) -> {
                List<Finding> findings = evaluator.evaluate(facts, AS_OF);
                assertThat(findings).as(id + " on " + site).extracting(Finding::rule)
                        .containsExactlyElementsOf(pack.items().stream().map(PackItem::id).toList());
                assertThat(findings).allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
                Score score = Score.of(findings, pack.scoring());
                assertThat(score.awarded()).as(id + " on " + site).isBetween(0.0, score.fullMarks());
            });
        }
    }

    @Test
    void governmentOnlyTasksOfHunan2020ApplyToTheCountyButNotToDepartments() throws IOException {
        Map<String, AgencyFacts> agencies = fixtureAgencies();
        RuleEvaluator hn = new RuleEvaluator(RulePacks.loadShipped("hn-2020"));
        Finding county = hn.evaluate(agencies.get("county-gbk-gov"), AS_OF).stream().filter(f -> f.rule().equals("HN2020-1")).findFirst().orElseThrow();
        Finding dept = hn.evaluate(agencies.get("hn-model-dept"), AS_OF).stream().filter(f -> f.rule().equals("HN2020-1")).findFirst().orElseThrow();
        assertThat(county.status()).isEqualTo(FindingStatus.NEEDS_REVIEW);
        assertThat(dept.status()).isEqualTo(FindingStatus.NOT_APPLICABLE);
    }
}
