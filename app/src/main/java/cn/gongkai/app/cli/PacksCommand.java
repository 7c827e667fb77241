package cn.gongkai.app.cli;

import cn.gongkai.engine.rule.PackItem;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.engine.score.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code gongkai packs}: the rule packs the engine knows.
 */
@Command(name = "packs", mixinStandardHelpOptions = true, description = "查看和校验规则包。")
public class PacksCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "列出内置规则包。")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : RulePacks.shippedIds()) {
            RulePack p = RulePacks.loadShipped(id);
            out.printf("%-24s %s（%d 项，满分 %s）%n", p.id(), p.title(), p.items().size(), Score.format(p.totalPoints()));
        }
        return 0;
    }

    @Command(name = "show", description = "显示规则包的全部条目、分值和检查方式。")
    int show(@Parameters(paramLabel = "ID", description = "规则包 id 或目录") String id) {
        RulePack p = RulePacks.resolve(id);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  %s  版本 %s%n来源：%s%n部分符合得分比例：%s%n%n", p.id(), p.title(), p.version(), p.source(), p.partialShare());
        for (PackItem i : p.items()) {
            out.printf("%-22s %-10s %5s 分  %-8s %s%n", i.id(), i.item(), Score.format(i.points()),
                    i.check().name().toLowerCase(), i.title());
        }
        out.printf("%n参数：%n");
        p.parameters().forEach((k, v) -> out.printf("  %s = %s%n", k, v));
        return 0;
    }

    @Command(name = "validate", description = "校验规则包目录：pack.yaml 与 DRL 是否可用。")
    int validate(@Parameters(paramLabel = "DIR", description = "规则包目录") Path dir) {
        RulePack p = RulePacks.load(dir);
        new RuleEvaluator(p);
        spec.commandLine().getOut().printf("规则包 %s 校验通过：%d 项，满分 %s。%n", p.id(), p.items().size(), Score.format(p.totalPoints()));
        return 0;
    }
}
