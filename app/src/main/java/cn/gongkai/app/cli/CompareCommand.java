package cn.gongkai.app.cli;

import cn.gongkai.app.run.ReviewJob;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.score.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gongkai compare --base RUN_A --run RUN_B}: year over year, which items each agency fixed or lost.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "对比两次测评运行：生成带“变化”列和“进步与退步”表的测评表。")
public class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, description = "作为基准的上次测评运行编号")
    String base;

    @Option(names = "--run", required = true, description = "本次测评运行编号")
    String run;

    @Option(names = "--out", description = "输出目录（默认本次运行的输出目录）")
    Path out;

    private final ReviewJob job;

    CompareCommand(ReviewJob job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        ReviewJob.Compared c = job.compare(base, run, out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("对比 %s（基准日 %s%s）→ %s（基准日 %s%s）%n", base, c.base().asOf(), c.baseReviewed() ? "，含复核" : "",
                run, c.run().asOf(), c.runReviewed() ? "，含复核" : "");
        for (AgencyResult a : c.run().agencies()) {
            AgencyResult was = ReviewJob.find(c.base(), a.agency().name());
            console.printf("  %2d  %-20s %6s%s%n", a.rank(), a.agency().name(), Score.format(a.score()),
                    was == null ? "（上次未测评）" : String.format("（上次 %s，第%d名）", Score.format(was.score()), was.rank()));
        }
        console.println("对比测评表 workbook: " + c.workbook().toAbsolutePath());
        return 0;
    }
}
