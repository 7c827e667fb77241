package cn.gongkai.app.cli;

import cn.gongkai.app.run.ReviewJob;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.score.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gongkai rescore --run RUN --reviewed FILE.xlsx}: reads an assessor's 复核结论 back and rescores the run.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "读取评估人员填写复核结论的测评表，校验后保存复核记录并重新计分，生成标出复核单元格的新测评表。")
public class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "测评运行编号（gongkai runs 可查）")
    String run;

    @Option(names = "--reviewed", required = true, description = "填好复核结论的测评表（.xlsx）")
    Path reviewed;

    @Option(names = "--reviewer", description = "复核人（默认当前系统用户 ${DEFAULT-VALUE}）", defaultValue = "${sys:user.name}")
    String reviewer;

    @Option(names = "--out", description = "新测评表的输出目录（默认该运行的输出目录）")
    Path out;

    private final ReviewJob job;

    RescoreCommand(ReviewJob job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(reviewed)) {
            throw new BadInputException("找不到复核测评表：" + reviewed, "reviewed workbook not found: " + reviewed);
        }
        ReviewJob.Rescored r = job.rescore(run, reviewed, reviewer, out);
        PrintWriter console = spec.commandLine().getOut();
        long changed = r.reviews().stream().filter(v -> !v.confirmed()).count();
        console.printf("读取复核结论 %d 项（确认 %d 项，改定 %d 项），复核人 %s%n", r.reviews().size(),
                r.reviews().size() - changed, changed, reviewer);
        console.println("复核后排名：");
        for (AgencyResult a : r.after().agencies()) {
            AgencyResult was = ReviewJob.find(r.before(), a.agency().name());
            String delta = was == null || was.score() == a.score() ? ""
                    : String.format("（原 %s）", Score.format(was.score()));
            console.printf("  %2d  %-20s %6s / %s%s%n", a.rank(), a.agency().name(), Score.format(a.score()),
                    Score.format(a.maxScore()), delta);
        }
        console.println("复核测评表 workbook: " + r.workbook().toAbsolutePath());
        console.println("复核网页   html:     " + r.html().toAbsolutePath());
        return 0;
    }
}
