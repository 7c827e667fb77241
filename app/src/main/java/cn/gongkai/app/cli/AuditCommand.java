package cn.gongkai.app.cli;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code gongkai audit}: the batch audit of an agency list.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "按规则包测评单位名单中的所有网站。")
public class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agencies", required = true, description = "单位名单（CSV 或 XLSX，须含“单位名称”“网站地址”列）")
    Path agencies;

    @Option(names = "--pack", required = true, description = "规则包 id 或规则包目录，如 cn-regulation-2019")
    String pack;

    @Option(names = "--as-of", required = true, description = "测评基准日 YYYY-MM-DD：所有期限按此日期判断")
    String asOf;

    @Option(names = "--out", required = true, description = "输出目录")
    Path out;

    @Option(names = "--previous", description = "与之对比的上次测评运行编号：测评表加“变化”列和“进步与退步”表")
    String previous;

    @Mixin
    AuditOptions options;

    private final AuditJob job;

    AuditCommand(AuditJob job) {
        this.job = job;
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalDate date = parseDate(asOf);
        RulePack rulePack = RulePacks.resolve(pack);
        AgencyList list = AgencyListReader.read(agencies);
        PrintWriter out = spec.commandLine().getOut();
        list.skippedRows().forEach(r -> spec.commandLine().getErr().println("跳过 / skipped: " + agencies + " " + r));
        out.printf("测评 %d 个单位，规则包 %s，基准日 %s%n", list.agencies().size(), rulePack.id(), date);
        AuditJob.Outcome outcome = job.run(list, rulePack, date, this.out, options.settings(), options.parallel, out, previous);
        Outputs.print(out, outcome);
        return 0;
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--as-of 日期格式应为 YYYY-MM-DD：“" + text + "”", "--as-of must be YYYY-MM-DD: " + text);
        }
    }
}
