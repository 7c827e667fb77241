package cn.gongkai.app.cli;

import cn.gongkai.app.run.AuditJob;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code gongkai reassess --run RUN [--pack ID|DIR] [--as-of DATE] [--out DIR]}: re-extracts and re-evaluates a
 * stored run from its WARC files without contacting any site (design: "re-score a stored crawl"), so a corrected
 * pack or a better extractor is measured on real crawls already made. The result is a new run naming its source.
 */
@Command(name = "reassess", mixinStandardHelpOptions = true,
        description = "不联网：从已保存测评的网页存档（WARC）重新抽取事实、按规则包重新测评，结果另存为新的测评运行，并注明来源测评。"
                + "存档中没有的页面不会抓取。")
public class ReassessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "源测评运行编号（gongkai runs 可查）")
    String run;

    @Option(names = "--pack", description = "规则包 id 或规则包目录（默认沿用源测评的规则包）")
    String pack;

    @Option(names = "--as-of", description = "测评基准日 YYYY-MM-DD（默认沿用源测评的基准日）")
    String asOf;

    @Option(names = "--out", description = "输出目录（默认为源测评目录旁的 <目录名>-reassess-<新编号>）")
    Path out;

    @Option(names = "--progress-seconds", defaultValue = "5",
            description = "每隔多少秒在控制台显示一次进度，0 为不显示（默认 ${DEFAULT-VALUE}）")
    long progressSeconds;

    private final AuditJob job;

    ReassessCommand(AuditJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        LocalDate date = asOf == null ? null : AuditCommand.parseDate(asOf);
        RulePack rulePack = null;
        if (pack != null) {
            rulePack = RulePacks.resolve(pack);
            new RuleEvaluator(rulePack); // compile first: a broken pack stops here, naming file and line
        }
        AuditJob.Outcome outcome;
        try {
            outcome = job.reassess(run, rulePack, pack, date, out, console, Duration.ofSeconds(Math.max(0, progressSeconds)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), "reassess --run " + run);
        }
        Outputs.print(console, outcome);
        console.println("源测评   source run: " + run);
        return 0;
    }
}
