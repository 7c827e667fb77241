package cn.gongkai.rules;

import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one generic runner: every case of every pack, evaluated by the real Drools engine. A pack gains tests
 * by adding case files, never Java.
 */
class PackCasesTest {

    @TestFactory
    List<DynamicTest> everyCaseOfEveryPackGivesItsExpectedStatus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : PackCases.packFolders()) {
            RulePack pack = RulePacks.load(folder);
            RuleEvaluator evaluator = new RuleEvaluator(pack);
            PackCases.casesOf(folder).stream()
                    .map(c -> DynamicTest.dynamicTest(pack.id() + " · " + c, () -> {
                        Finding finding = evaluator.evaluate(c.facts(), c.asOf()).stream()
                                .filter(f -> f.rule().equals(c.rule()))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("pack.yaml has no item " + c.rule()));
                        assertThat(finding.status())
                                .as("%s (%s) — explanation: %s", c.name(), c.file().getFileName(), finding.explanation())
                                .isEqualTo(c.expect());
                        assertThat(finding.explanation()).isNotBlank();
                        if (c.expectEvidence() != null) {
                            assertThat(finding.evidence().isEmpty()).as("%s: evidence", c.name()).isEqualTo(!c.expectEvidence());
                        }
                        if (c.expectExplanation() != null) {
                            assertThat(finding.explanation()).as("%s: explanation", c.name()).contains(c.expectExplanation());
                        }
                        if (c.expectVetoed() != null) {
                            assertThat(finding.vetoes()).as("%s: veto", c.name()).isEqualTo(c.expectVetoed());
                        }
                    }))
                    .forEach(tests::add);
        }
        return tests;
    }
}
