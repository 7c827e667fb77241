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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pack conventions, PMD-style: the test lists every violation at once rather than stopping at the first.
 */
class PackHygieneTest {

    /** A DRL rule header and what follows up to its {@code when}: where its {@code @id} must be. */
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"(.*?)^\\s*when", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

    @Test
    void everyItemHasTitleAreaPointsSourceExplanationAndBothAPassingAndAFailingCase() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : PackCases.packFolders()) {
            RulePack pack = RulePacks.load(folder);
            List<PackCases.Case> cases = PackCases.casesOf(folder);
            Set<String> ruled = new HashSet<>();
            // The pack's own rule sources: DRL files and the DRL generated from its decision tables.
            for (Map.Entry<String, String> source : pack.rules().entrySet()) {
                if (source.getKey().contains("/")) continue; // inherited
                Matcher m = RULE.matcher(source.getValue());
                while (m.find()) {
                    Matcher id = ID.matcher(m.group(2));
                    if (id.find()) {
                        ruled.add(id.group(1));
                    } else {
                        problems.add(pack.id() + "/" + source.getKey() + ": rule \"" + m.group(1) + "\" has no @id");
                    }
                }
            }
            for (PackItem item : pack.items()) {
                String where = pack.id() + "/" + item.id();
                if (item.title().isBlank()) problems.add(where + ": no title");
                if (item.area().isBlank()) problems.add(where + ": no area");
                if (item.item().isBlank()) problems.add(where + ": no source item number");
                if (item.basis().isBlank()) problems.add(where + ": no source reference (basis)");
                if (item.points() <= 0 && !item.veto()) problems.add(where + ": no points (only 单项否决 items carry none)");
                if (item.check() == CheckMode.MANUAL) continue;
                boolean own = pack.parent().isEmpty() || !inherited(pack, item);
                if (own && !ruled.contains(item.id())) problems.add(where + ": " + item.check() + " item has no DRL rule (no explanation)");
                if (!own) continue;
                List<PackCases.Case> mine = cases.stream().filter(c -> c.rule().equals(item.id())).toList();
                if (mine.stream().noneMatch(PackCases.Case::passing)) problems.add(where + ": no passing case");
                // Failing: anything short of full marks; for an assisted item that never reaches MET, the case where
                // no candidate evidence is found.
                boolean reachesMet = mine.stream().anyMatch(c -> c.expect() == FindingStatus.MET);
                if (mine.stream().noneMatch(c -> c.expect() != FindingStatus.MET && (reachesMet || !c.passing()))) {
                    problems.add(where + ": no failing case");
                }
            }
            cases.stream().filter(c -> pack.item(c.rule()).isEmpty())
                    .forEach(c -> problems.add(pack.id() + ": case file " + c.file().getFileName() + " names unknown rule " + c.rule()));
        }
        assertThat(problems).as("pack hygiene problems").isEmpty();
    }

    /** Inherited items are tested by their own pack's cases; a child re-runs them only if it overrides the rule. */
    private static boolean inherited(RulePack pack, PackItem item) {
        return pack.parent().map(p -> RulePacks.loadShipped(p).item(item.id()).isPresent()).orElse(false);
    }

    @Test
    void everyPackFolderIsListedInTheIndexAndValidatesWithoutProblems() throws IOException {
        List<String> folders = PackCases.packFolders().stream().map(p -> p.getFileName().toString()).toList();
        List<String> index = Files.readAllLines(PackCases.PACKS.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(index).containsExactlyInAnyOrderElementsOf(folders);
        List<String> problems = new ArrayList<>();
        for (Path folder : PackCases.packFolders()) {
            RulePacks.validate(folder).forEach(p -> problems.add(p.toString()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shippedPacksLoadFromTheClasspathAndCompile() {
        assertThat(RulePacks.shippedIds()).contains("cn-regulation-2019");
        for (String id : RulePacks.shippedIds()) {
            RulePack pack = RulePacks.loadShipped(id);
            new RuleEvaluator(pack);
            assertThat(pack.totalPoints()).as(id).isPositive();
        }
    }
}
