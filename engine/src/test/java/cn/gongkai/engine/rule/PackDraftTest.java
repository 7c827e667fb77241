package cn.gongkai.engine.rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackDraftTest {

    private static final Path SEEDS = Path.of("src/test/resources/seeds");
    private static final String HUNAN = "001_bfc9ebbdd4e349a6.txt";
    private static final String JILIN = "002_aa302197ddb9a384.txt";
    private static final List<String> NINETEEN = List.of("(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)",
            "(九)", "(十)", "(十一)", "(十二)", "(十三)", "(十四)", "(十五)", "(十六)", "(十七)", "(十八)", "(十九)");

    private static List<PackDraft.Item> draft(String file) throws IOException {
        return PackDraft.draft(file, Files.readAllBytes(SEEDS.resolve(file)));
    }

    @Test
    void hunanBreakdownTableInTraditionalMojibakeGivesAllNineteenTasksInOrderWithUnits() throws IOException {
        List<PackDraft.Item> table = draft(HUNAN).stream().filter(i -> i.number().startsWith("(")).toList();
        assertThat(table).extracting(PackDraft.Item::number).containsExactlyElementsOf(NINETEEN);
        assertThat(table.get(0).title()).isEqualTo("加强政府常务会议信息公开");
        assertThat(table.get(0).area()).isEqualTo("深化决策信息和权责清单公开");
        assertThat(table.get(0).lead()).containsExactly("市政府办", "市行政审批服务局");
        assertThat(table.get(1).text()).contains("文件库").doesNotContain("(fā)").doesNotContain("|");
        assertThat(table.get(13).area()).isEqualTo("深化基层政务公开");
        assertThat(table.get(15).title()).isEqualTo("建设统一规范的政府信息公开专栏");
        assertThat(table.get(18).responsible()).containsExactly("市直有关部门", "区县市人民政府", "管委会");
        assertThat(table).allSatisfy(i -> assertThat(i.lead()).isNotEmpty());
    }

    @Test
    void hunanNoticeHeadingsAreDraftedBeforeTheTableButNotNestedAboveIt() throws IOException {
        assertThat(draft(HUNAN)).extracting(PackDraft.Item::number).startsWith("一、", "二、", "三、", "四、", "五、",
                "五(一)", "五(二)", "五(三)", "(一)");
    }

    @Test
    void jilinChecklistGivesEveryNumberedItemInOrder() throws IOException {
        assertThat(draft(JILIN)).extracting(PackDraft.Item::number).containsExactly(
                "一、", "一(一)", "一(二)", "一(三)", "一(四)",
                "二、", "二(一)", "二(二)", "二(三)", "二(四)",
                "三、", "三(一)", "三(二)", "三(三)");
        assertThat(draft(JILIN).get(0).title()).isEqualTo("增强主动公开意识,认真做好政府信息公开工作");
        assertThat(draft(JILIN).get(1).text()).contains("2015年内要对本行政机关的公开指南进行复查");
    }

    @Test
    void numberedSubItemsAtLineStartAreDraftedButDatesAreNot() {
        List<PackDraft.Item> items = PackDraft.fromText("一、总体要求\n(一)目标任务\n1.全面梳理行政权责。\n2.全面公开权责清单。\n2015.3 起施行\n");
        assertThat(items).extracting(PackDraft.Item::number).containsExactly("一、", "一(一)", "一(一)1.", "一(一)2.");
    }

    @Test
    void theDraftIsALoadablePackWithEveryItemManual(@TempDir Path dir) throws IOException {
        Path pack = dir.resolve("hn-2020-draft");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.yaml"), PackDraft.toYaml("hn-2020-draft", "草稿", HUNAN, draft(HUNAN)),
                StandardCharsets.UTF_8);
        RulePack loaded = RulePacks.load(pack);
        assertThat(loaded.items()).hasSize(draft(HUNAN).size())
                .allSatisfy(i -> assertThat(i.check()).isEqualTo(CheckMode.MANUAL));
        assertThat(loaded.items().get(8).lead()).containsExactly("市政府办", "市行政审批服务局");
    }
}
