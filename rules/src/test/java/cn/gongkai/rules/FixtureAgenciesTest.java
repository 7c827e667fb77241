package cn.gongkai.rules;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.AnnualReportContent;
import cn.gongkai.engine.fact.ColumnUpdate;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentDetails;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.LinkFailure;
import cn.gongkai.engine.fact.PolicyInterpretation;
import cn.gongkai.engine.fact.PowerListContent;
import cn.gongkai.engine.fact.SanGongFunds;
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
                List<Object> observations = new ArrayList<>();
                Set<String> paths = new java.util.HashSet<>(docs.stream().map(Document::url).toList());
                for (JsonNode x : t.path("extraFacts")) {
                    extraFact(x, docs, paths, observations);
                }
                for (JsonNode l : t.path("deadLinks")) {
                    observations.add(new LinkFailure("http://fixture" + l.path("to").asString(), "http://fixture" + l.path("from").asString(),
                            404, "HTTP 404"));
                }
                out.put(site.getFileName().toString(), new AgencyFacts(agency,
                        new SiteVisit("http://fixture/", true, 20, t.path("deadLinks").size(), null), docs, observations));
            }
        }
        return out;
    }

    /**
     * A page beyond the four baseline kinds ({@code extraFacts}: issue 5) as the document and the content facts the
     * extractor reads from it.
     */
    private static void extraFact(JsonNode x, List<Document> docs, Set<String> paths, List<Object> observations) {
        String url = "http://fixture" + x.path("path").asString();
        Evidence source = new Evidence(url, null, null, x.path("kind").asString());
        DocumentKind kind = DocumentKind.valueOf(x.path("kind").asString());
        if (paths.add(url)) {
            docs.add(new Document(kind, kind.label(), url, null, null,
                    x.hasNonNull("yearCovered") ? x.path("yearCovered").asInt() : null,
                    x.hasNonNull("publishedOn") ? LocalDate.parse(x.path("publishedOn").asString()) : null,
                    x.hasNonNull("writtenOn") ? LocalDate.parse(x.path("writtenOn").asString()) : null, Set.of(), false,
                    new DocumentDetails(x.path("indexNo").asString(null), null, List.of(), x.path("docNo").asString(null),
                            x.path("validity").asString(null), null)));
        }
        for (JsonNode f : x.path("sanGong")) {
            Set<SanGongFunds.SanGongItem> items = f.path("items").asInt() == 4
                    ? EnumSet.allOf(SanGongFunds.SanGongItem.class) : EnumSet.noneOf(SanGongFunds.SanGongItem.class);
            observations.add(new SanGongFunds(SanGongFunds.Flavour.valueOf(f.path("flavour").asString()), f.path("year").asInt(),
                    f.path("unit").asString(), items, f.path("changesExplained").asBoolean(), source));
        }
        if (x.has("powerListFields")) {
            Set<PowerListContent.Field> fields = EnumSet.noneOf(PowerListContent.Field.class);
            x.path("powerListFields").forEach(f -> fields.add(PowerListContent.Field.valueOf(f.asString())));
            observations.add(new PowerListContent(fields, source));
        }
        if (x.has("annualReportSections")) {
            Set<AnnualReportContent.Section> sections = EnumSet.noneOf(AnnualReportContent.Section.class);
            x.path("annualReportSections").forEach(f -> sections.add(AnnualReportContent.Section.valueOf(f.asString())));
            Integer year = docs.stream().filter(d -> d.url().equals(url)).findFirst().map(Document::yearCovered).orElse(null);
            observations.add(new AnnualReportContent(year, sections,
                    x.hasNonNull("tablesAddUp") ? x.path("tablesAddUp").asBoolean() : null, List.of(), source));
        }
        if (x.has("columnItems")) {
            int n = x.path("columnItems").asInt();
            observations.add(new ColumnUpdate(url, kind.label(), n, n == 0 ? null : LocalDate.of(2025, 7, 10), source));
        }
        if (x.has("interprets")) {
            observations.add(new PolicyInterpretation(null, "http://fixture" + x.path("interprets").asString(), source));
        }
    }

    private static Finding finding(RuleEvaluator evaluator, AgencyFacts facts, String rule) {
        return evaluator.evaluate(facts, AS_OF).stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theModelDepartmentsRicherPagesDecideHunanItems() throws IOException {
        AgencyFacts model = fixtureAgencies().get("hn-model-dept");
        RuleEvaluator hn = new RuleEvaluator(RulePacks.loadShipped("hn-2020"));
        // 规范性文件 marked 有效; 权责清单 with all seven fields; the 涉企政策 专栏 is empty; the 年报 in the uniform format.
        assertThat(finding(hn, model, "HN2020-2").status()).isEqualTo(FindingStatus.MET);
        assertThat(finding(hn, model, "HN2020-4").status()).isEqualTo(FindingStatus.MET);
        assertThat(finding(hn, model, "HN2020-3").status()).isEqualTo(FindingStatus.MISSING);
        assertThat(finding(hn, model, "HN2020-5").evidence()).isNotEmpty();
        assertThat(finding(hn, model, "REG2019-50").status()).isEqualTo(FindingStatus.MET);
        assertThat(finding(hn, model, "REG2019-50").awarded()).isEqualTo(10.0);
        AgencyFacts county = fixtureAgencies().get("county-gbk-gov");
        assertThat(finding(hn, county, "HN2020-9").explanation()).startsWith("找到政府债务信息");
        assertThat(finding(hn, county, "HN2020-1").evidence()).isNotEmpty();
    }

    @Test
    void theLaggingDepartmentsDeadApplicationFormIsNamed() throws IOException {
        AgencyFacts lagging = fixtureAgencies().get("city-lagging-dept");
        Finding apply = finding(new RuleEvaluator(RulePacks.loadShipped("cn-regulation-2019")), lagging, "REG2019-27-APPLY");
        assertThat(apply.explanation()).contains("sqb.doc");
        Finding links = finding(new RuleEvaluator(RulePacks.loadShipped("cn-site-health-2019")), lagging, "HEALTH-D1-LINKS");
        assertThat(links.evidence()).extracting(Evidence::url).containsExactly("http://fixture/zfxxgk/ysqgk/sqb.doc");
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
