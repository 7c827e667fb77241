package cn.gongkai.rules;

import cn.gongkai.engine.rule.PackDraft;
import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every numbered item of the seed checklists is in its pack, in the source's order, words and units: the packs
 * are checked against what {@code packs draft} reads from the seed documents themselves.
 */
class SeedCoverageTest {

    private static final Path SEEDS = Path.of("../engine/src/test/resources/seeds");

    private static List<PackDraft.Item> draft(String file) throws IOException {
        return PackDraft.draft(file, Files.readAllBytes(SEEDS.resolve(file)));
    }

    /** The pack's own item numbers in pack order, without repeats (sub-checks share their item's number). */
    private static List<String> numbers(RulePack pack, String prefix) {
        Set<String> seen = new LinkedHashSet<>();
        pack.items().stream().filter(i -> i.id().startsWith(prefix)).map(PackItem::item).forEach(seen::add);
        return List.copyOf(seen);
    }

    @Test
    void hunan2020PackHoldsAllNineteenTasksOfSeed001InOrderWithTheirUnits() throws IOException {
        RulePack pack = RulePacks.loadShipped("hn-2020");
        List<PackDraft.Item> tasks = draft("001_bfc9ebbdd4e349a6.txt").stream().filter(i -> i.level() == 2 && i.number().startsWith("(")).toList();
        assertThat(tasks).hasSize(19);
        assertThat(numbers(pack, "HN2020-")).containsExactlyElementsOf(tasks.stream().map(PackDraft.Item::number).toList());
        for (PackDraft.Item task : tasks) {
            PackItem item = pack.items().stream().filter(i -> i.item().equals(task.number())).findFirst().orElseThrow();
            assertThat(item.title()).as(task.number()).isEqualTo(task.title());
            assertThat(item.basis()).as(task.number()).contains(task.text());
            assertThat(item.lead()).as(task.number()).isEqualTo(task.lead());
            assertThat(item.responsible()).as(task.number()).isEqualTo(task.responsible());
        }
        assertThat(pack.lineage()).containsExactly("hn-2020", "cn-regulation-2019");
    }

    @Test
    void jilin2015PackHoldsEveryNumberedItemOfSeed002InOrder() throws IOException {
        RulePack pack = RulePacks.loadShipped("jl-2015");
        List<String> drafted = draft("002_aa302197ddb9a384.txt").stream().filter(i -> i.level() == 2)
                .map(PackDraft.Item::number).toList();
        List<String> packed = numbers(pack, "JL2015-").stream().filter(n -> !n.contains("是")).toList();
        assertThat(packed).containsExactlyElementsOf(drafted);
        for (PackDraft.Item d : draft("002_aa302197ddb9a384.txt").stream().filter(i -> i.level() == 2).toList()) {
            PackItem item = pack.items().stream().filter(i -> i.item().equals(d.number())).findFirst().orElseThrow();
            assertThat(item.title()).as(d.number()).isEqualTo(d.title());
            assertThat(item.area()).as(d.number()).isEqualTo(d.area());
        }
        assertThat(numbers(pack, "JL2015-")).contains("一(二)一是", "一(二)二是", "一(二)三是", "一(二)四是", "一(二)五是",
                "一(二)六是", "一(二)七是");
    }
}
