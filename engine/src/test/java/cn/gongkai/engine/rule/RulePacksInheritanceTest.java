package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.score.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulePacksInheritanceTest {

    @TempDir
    Path dir;

    private static final String BASE = """
            id: base
            title: 基线
            source: 测试
            rules: [base.drl]
            items:
              - {id: B-SITE, item: 第1条, title: 网站可访问, area: 平台, points: 10, check: auto, basis: 第一条}
              - {id: B-DROP, item: 第2条, title: 将被删除, area: 平台, points: 5, check: auto, basis: 第二条}
              - {id: B-MANUAL, item: 第3条, title: 人工项, area: 平台, points: 5, check: manual, basis: 第三条}
            """;
    private static final String BASE_DRL = """
            package t.base;
            import cn.gongkai.engine.fact.SiteVisit;
            import cn.gongkai.engine.rule.FindingStatus;
            global cn.gongkai.engine.rule.PackContext ctx;
            rule "B-SITE up" @id("B-SITE") when SiteVisit(reachable) then ctx.record("B-SITE", FindingStatus.MET, "可访问"); end
            rule "B-SITE down" @id("B-SITE") when SiteVisit(!reachable) then ctx.record("B-SITE", FindingStatus.VIOLATION, "不可访问"); end
            rule "B-DROP" @id("B-DROP") when SiteVisit() then ctx.record("B-DROP", FindingStatus.MISSING, "总是缺失"); end
            """;

    private Path pack(String id, String yaml, String... drl) throws IOException {
        Path folder = dir.resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pack.yaml"), yaml);
        for (int i = 0; i + 1 < drl.length; i += 2) {
            Files.writeString(folder.resolve(drl[i]), drl[i + 1]);
        }
        return folder;
    }

    private static AgencyFacts facts(boolean reachable, Object... observations) {
        Agency agency = new Agency("测试局", "http://t/", AgencyType.DEPARTMENT, null);
        return new AgencyFacts(agency, new SiteVisit("http://t/", reachable, 1, 0, reachable ? null : "refused"), List.of(),
                List.of(observations));
    }

    @Test
    void childDropsReweightsAndOverridesInheritedItemsAndAddsItsOwn() throws IOException {
        pack("base", BASE, "base.drl", BASE_DRL);
        Path child = pack("child", """
                id: child
                extends: base
                title: 子包
                source: 测试
                drop: [B-DROP]
                overrides:
                  - {id: B-SITE, points: 20, veto: true}
                items:
                  - {id: C-OWN, item: (一), title: 本包条目, area: 本包, points: 7, check: manual, basis: 要点(一)}
                """);
        RulePack p = RulePacks.load(child);
        assertThat(p.items()).extracting(PackItem::id).containsExactly("B-SITE", "B-MANUAL", "C-OWN");
        assertThat(p.item("B-SITE").orElseThrow().points()).isEqualTo(20);
        assertThat(p.lineage()).containsExactly("child", "base");
        assertThat(p.totalPoints()).isEqualTo(32);
        List<Finding> findings = new RuleEvaluator(p).evaluate(facts(false), LocalDate.of(2025, 9, 30));
        assertThat(findings).extracting(Finding::rule).containsExactly("B-SITE", "B-MANUAL", "C-OWN");
        Finding site = findings.get(0);
        assertThat(site.vetoes()).isTrue();
        assertThat(site.explanation()).contains("单项否决");
    }

    @Test
    void aVetoCapLimitsTheScoreOfAVetoedSite() throws IOException {
        pack("base", BASE.replace("rules: [base.drl]", "rules: [base.drl]\nscoring: {passMark: 60, vetoCap: 5}")
                .replace("check: auto, basis: 第一条}", "check: auto, basis: 第一条, veto: true}")
                .replace("B-DROP, item: 第2条, title: 将被删除, area: 平台, points: 5, check: auto", "B-DROP, item: 第2条, title: 将被删除, area: 平台, points: 5, check: manual"),
                "base.drl", BASE_DRL.replace("FindingStatus.MISSING, \"总是缺失\"", "FindingStatus.MET, \"总是满足\""));
        RulePack p = RulePacks.load(dir.resolve("base"));
        List<Finding> findings = new RuleEvaluator(p).evaluate(facts(false), LocalDate.of(2025, 9, 30));
        Score score = Score.of(findings, p.scoring());
        assertThat(Score.of(findings).awarded()).isEqualTo(5);
        assertThat(score.awarded()).isEqualTo(5);
        assertThat(findings.get(0).vetoes()).isTrue();
        assertThat(p.scoring().passMark()).isEqualTo(60);
    }

    @Test
    void applicabilityByTypeTierAndAttributesMakesItemsNotApplicable() throws IOException {
        Path p = pack("app", """
                id: app
                title: 适用
                source: 测试
                items:
                  - {id: GOV, item: 一, title: 政府项, area: 甲, points: 5, check: manual, basis: 一, appliesTo: {type: [GOVERNMENT]}}
                  - {id: TOWN, item: 二, title: 乡镇项, area: 甲, points: 5, check: manual, basis: 二, appliesTo: {tier: [乡镇]}}
                  - {id: MONEY, item: 三, title: 预决算, area: 甲, points: 5, check: manual, basis: 三, appliesTo: {exemptIf: [涉密单位]}}
                  - {id: ALL, item: 四, title: 全部, area: 甲, points: 5, check: manual, basis: 四}
                """);
        List<Finding> findings = new RuleEvaluator(RulePacks.load(p))
                .evaluate(facts(true, new AgencyAttributes(Set.of("涉密单位"))), LocalDate.of(2025, 9, 30));
        assertThat(findings).extracting(Finding::status).containsExactly(FindingStatus.NOT_APPLICABLE,
                FindingStatus.NOT_APPLICABLE, FindingStatus.NOT_APPLICABLE, FindingStatus.NEEDS_REVIEW);
        assertThat(findings.get(2).explanation()).contains("涉密单位");
        assertThat(Score.of(findings).fullMarks()).isEqualTo(5);
    }

    @Test
    void anInheritanceCycleIsReported() throws IOException {
        pack("a", "id: a\nextends: b\ntitle: A\nsource: s\nitems: []\n");
        pack("b", "id: b\nextends: a\ntitle: B\nsource: s\nitems: []\n");
        assertThat(RulePacks.validate(dir.resolve("a"))).singleElement()
                .satisfies(p -> assertThat(p.chinese()).contains("继承成环").contains("a → b → a"));
        assertThatThrownBy(() -> RulePacks.load(dir.resolve("a"))).isInstanceOf(PackException.class).hasMessageContaining("cycle");
    }

    @Test
    void validateReportsEveryProblemAtOnceWithFileAndLine() throws IOException {
        Path bad = pack("bad", """
                id: bad
                title: 坏包
                source: 测试
                totalPoints: 50
                rules: [bad.drl, missing.drl]
                items:
                  - {id: X-1, item: 一, title: 甲, area: 甲, points: 10, check: auto, basis: 一}
                  - id: X-1
                    item: 二
                    title: 乙
                    area: 甲
                    points: 10
                    check: sometimes
                    basis: 二
                """, "bad.drl", """
                package t.bad;
                import cn.gongkai.engine.fact.Document;
                import cn.gongkai.engine.rule.FindingStatus;
                global cn.gongkai.engine.rule.PackContext ctx;
                rule "X-1" @id("X-1") when Document(kind == null) then ctx.record("X-9", FindingStatus.MET, "?"); end
                """);
        List<PackProblem> problems = RulePacks.validate(bad);
        assertThat(problems).extracting(PackProblem::toString).anySatisfy(s -> assertThat(s).contains("bad/pack.yaml:8").contains("重复").contains("duplicate"))
                .anySatisfy(s -> assertThat(s).contains("missing.drl"))
                .anySatisfy(s -> assertThat(s).contains("totalPoints"))
                .anySatisfy(s -> assertThat(s).contains("bad.drl:5").contains("X-9"));
        assertThat(problems.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void drlNamingAnUnknownFactFieldIsReportedWithItsLine() throws IOException {
        Path bad = pack("field", """
                id: field
                title: 字段
                source: 测试
                rules: [f.drl]
                items:
                  - {id: F-1, item: 一, title: 甲, area: 甲, points: 10, check: auto, basis: 一}
                """, "f.drl", """
                package t.field;
                import cn.gongkai.engine.fact.Document;
                import cn.gongkai.engine.rule.FindingStatus;
                global cn.gongkai.engine.rule.PackContext ctx;

                rule "F-1" @id("F-1")
                when
                    Document(noSuchField == 3)
                then
                    ctx.record("F-1", FindingStatus.MET, "?");
                end
                """);
        List<PackProblem> problems = RulePacks.validate(bad);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("f.drl"));
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).contains("noSuchField"));
        assertThat(problems).anySatisfy(p -> assertThat(p.line()).isBetween(6, 8));
    }
}
