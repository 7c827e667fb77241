package cn.gongkai.rules;

import cn.gongkai.engine.rule.CheckMode;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pack conventions, PMD-style: the test lists every violation at once rather than stopping at the first.
 */
class PackHygieneTest {

    @Test
    void everyItemHasTitleAreaPointsBasisAndBothAPassingAndAFailingCase() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : PackCases.packFolders()) {
            RulePack pack = RulePacks.load(folder);
            List<PackCases.Case> cases = PackCases.casesOf(folder);
            for (PackItem item : pack.items()) {
                String where = pack.id() + "/" + item.id();
                if (item.title().isBlank()) problems.add(where + ": no title");
                if (item.area().isBlank()) problems.add(where + ": no area");
                if (item.item().isBlank()) problems.add(where + ": no source item number");
                if (item.basis().isBlank()) problems.add(where + ": no basis");
                if (item.points() <= 0) problems.add(where + ": no points");
                if (item.check() == CheckMode.MANUAL) continue;
                List<FindingStatus> expected = cases.stream().filter(c -> c.rule().equals(item.id()))
                        .map(PackCases.Case::expect).toList();
                if (!expected.contains(FindingStatus.MET)) problems.add(where + ": no passing case");
                if (expected.stream().noneMatch(s -> s != FindingStatus.MET)) problems.add(where + ": no failing case");
            }
            cases.stream().filter(c -> pack.item(c.rule()).isEmpty())
                    .forEach(c -> problems.add(pack.id() + ": case file " + c.file().getFileName() + " names unknown rule " + c.rule()));
        }
        assertThat(problems).as("pack hygiene problems").isEmpty();
    }

    @Test
    void everyPackFolderIsListedInTheIndexAndCompiles() throws IOException {
        List<String> folders = PackCases.packFolders().stream().map(p -> p.getFileName().toString()).toList();
        List<String> index = Files.readAllLines(PackCases.PACKS.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(index).containsExactlyInAnyOrderElementsOf(folders);
        for (Path folder : PackCases.packFolders()) {
            new RuleEvaluator(RulePacks.load(folder));
        }
    }

    @Test
    void shippedPacksLoadFromTheClasspath() {
        assertThat(RulePacks.shippedIds()).contains("cn-regulation-2019");
        assertThat(RulePacks.loadShipped("cn-regulation-2019").totalPoints()).isEqualTo(100.0);
    }
}
