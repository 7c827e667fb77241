package cn.gongkai.app.cli;

import cn.gongkai.engine.rule.PackDraft;
import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.rule.PackProblem;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.engine.score.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code gongkai packs}: the rule packs the engine knows, their effective items, validation, and drafting a new
 * pack from a 要点 document.
 */
@Command(name = "packs", mixinStandardHelpOptions = true, description = "查看、校验和起草规则包。")
public class PacksCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "列出内置规则包。")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : RulePacks.shippedIds()) {
            RulePack p = RulePacks.loadShipped(id);
            out.printf("%-22s %s（%d 项，满分 %s%s）%n", p.id(), p.title(), p.items().size(), Score.format(p.totalPoints()),
                    p.parent().map(x -> "，继承 " + x).orElse(""));
        }
        return 0;
    }

    @Command(name = "show", description = "显示规则包继承合并后的全部条目、分值、检查方式和适用范围。")
    int show(@Parameters(paramLabel = "ID", description = "规则包 id 或目录") String id,
             @Option(names = "--markdown", description = "输出 Markdown 条目表（用于规则包 README）") boolean markdown) {
        RulePack p = RulePacks.resolve(id);
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(markdownTable(p));
            out.flush();
            return 0;
        }
        out.printf("%s  %s  版本 %s%n来源：%s%n继承链：%s%n部分符合得分比例：%s%n满分：%s%n",
                p.id(), p.title(), p.version(), p.source(), String.join(" → ", p.lineage()), p.partialShare(),
                Score.format(p.totalPoints()));
        if (!p.dropped().isEmpty()) {
            out.printf("删除的继承条目：%s%n", String.join("、", p.dropped()));
        }
        if (p.scoring().passMark() != null || p.scoring().vetoCap() != null) {
            out.printf("及格线：%s；单项否决时最高得分：%s%n", p.scoring().passMark(), p.scoring().vetoCap());
        }
        out.println();
        for (PackItem i : p.items()) {
            out.printf("%-24s %-12s %5s 分  %-8s %s%s%s%n", i.id(), i.item(), Score.format(i.points()),
                    i.check().name().toLowerCase(), i.veto() ? "［单项否决］" : "", i.title(),
                    i.applicability().describe().isEmpty() ? "" : "（适用：" + i.applicability().describe() + "）");
        }
        out.printf("%n参数：%n");
        p.parameters().forEach((k, v) -> out.printf("  %s = %s%n", k, v));
        out.printf("%n规则文件：%n");
        p.ruleSources().forEach(r -> out.printf("  %s%n", r));
        return 0;
    }

    /** The item table of a pack README: number, title, check mode, points, applicability, units. */
    static String markdownTable(RulePack p) {
        StringBuilder sb = new StringBuilder("| rule | item | title | check | points | applies to | 牵头/责任单位 |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (PackItem i : p.items()) {
            String units = i.lead().isEmpty() && i.responsible().isEmpty() ? ""
                    : String.join("、", i.lead()) + " / " + String.join("、", i.responsible());
            sb.append("| ").append(i.id()).append(" | ").append(i.item()).append(" | ")
              .append(i.veto() ? "**单项否决** " : "").append(i.title().replace("|", "\\|")).append(" | ")
              .append(i.check().name().toLowerCase()).append(" | ").append(Score.format(i.points())).append(" | ")
              .append(i.applicability().describe()).append(" | ").append(units).append(" |\n");
        }
        sb.append("\nFull marks ").append(Score.format(p.totalPoints())).append(".\n");
        return sb.toString();
    }

    @Command(name = "validate", description = "校验规则包目录，一次列出全部问题（文件和行号）。")
    int validate(@Parameters(paramLabel = "DIR", description = "规则包目录") Path dir) {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(dir.resolve("pack.yaml"))) {
            throw new BadInputException("目录 " + dir + " 中没有 pack.yaml", "no pack.yaml in " + dir);
        }
        List<PackProblem> problems = RulePacks.validate(dir);
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("规则包 %s 有 %d 处问题 / %d problem(s):%n", dir, problems.size(), problems.size());
            problems.forEach(p -> err.println("  " + p));
            return 1;
        }
        RulePack p = RulePacks.load(dir);
        new RuleEvaluator(p);
        out.printf("规则包 %s 校验通过：%d 项，满分 %s。%n", p.id(), p.items().size(), Score.format(p.totalPoints()));
        return 0;
    }

    @Command(name = "draft", description = "从要点或分解表文件（TXT、HTML、DOC、DOCX；简体或繁体）起草 pack.yaml，全部条目为 manual。")
    int draft(@Parameters(paramLabel = "FILE", description = "要点或分解表文件") Path file,
              @Option(names = "--out", paramLabel = "DIR", description = "写入 DIR/pack.yaml；省略则打印") Path outDir,
              @Option(names = "--id", paramLabel = "ID", description = "规则包 id（默认取目录名或 draft）") String id)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("找不到文件 " + file, "file not found: " + file);
        }
        List<PackDraft.Item> items = PackDraft.draft(file.getFileName().toString(), Files.readAllBytes(file));
        if (items.isEmpty()) {
            throw new BadInputException("文件 " + file + " 中没有找到编号条目（一、/(一)/1.）",
                    "no numbered items (一、/(一)/1.) found in " + file);
        }
        String packId = id != null ? id : outDir != null ? outDir.getFileName().toString() : "draft";
        String yaml = PackDraft.toYaml(packId, file.getFileName().toString(), file.getFileName().toString(), items);
        PrintWriter out = spec.commandLine().getOut();
        if (outDir == null) {
            out.print(yaml);
            out.flush();
            return 0;
        }
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("pack.yaml"), yaml, StandardCharsets.UTF_8);
        out.printf("已起草 %s：%d 个编号条目，全部为 manual。/ drafted %d items.%n", outDir.resolve("pack.yaml"),
                items.size(), items.size());
        return 0;
    }
}
