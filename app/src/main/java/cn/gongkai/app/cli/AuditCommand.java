package cn.gongkai.app.cli;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.app.agency.AgencyListReader;
import cn.gongkai.app.run.AuditJob;
import cn.gongkai.app.run.AuditRequest;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.engine.rule.Waivers;
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

    @Option(names = "--agencies", description = "单位名单（CSV 或 XLSX，须含“单位名称”“网站地址”列）")
    Path agencies;

    @Option(names = "--pack", description = "规则包 id 或规则包目录，如 cn-regulation-2019")
    String pack;

    @Option(names = "--as-of", description = "测评基准日 YYYY-MM-DD：所有期限按此日期判断")
    String asOf;

    @Option(names = "--out", description = "输出目录")
    Path out;

    @Option(names = "--waivers", description = "豁免清单（YAML 或 XLSX：单位名称、条目、理由、有效期至、批准人）；过期或格式错误的豁免会列出且不使用。恢复测评时需再次给出")
    Path waivers;

    @Option(names = "--resume", paramLabel = "RUN", description = "恢复被中断的测评（如进程被 kill -9）：已抓取的页面从存档读取，不再重新抓取；其余选项沿用原测评")
    String resume;

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
        PrintWriter console = spec.commandLine().getOut();
        if (resume != null) {
            if (agencies != null || pack != null || asOf != null || this.out != null) {
                throw new BadInputException("--resume 不能与 --agencies/--pack/--as-of/--out 同用：恢复的测评沿用原设置",
                        "--resume takes no --agencies/--pack/--as-of/--out: a resumed run keeps its own");
            }
            AuditJob.Outcome outcome;
            try {
                outcome = job.resume(resume, console, options.progressInterval(), this::waiversAsOf);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), "--resume " + resume);
            }
            Outputs.print(console, outcome);
            return 0;
        }
        for (String[] required : new String[][]{{"--agencies", agencies == null ? null : "x"}, {"--pack", pack},
                {"--as-of", asOf}, {"--out", this.out == null ? null : "x"}}) {
            if (required[1] == null) {
                throw new BadInputException("缺少选项 " + required[0] + "（或用 --resume RUN 恢复测评）",
                        "missing option " + required[0] + " (or --resume RUN)");
            }
        }
        LocalDate date = parseDate(asOf);
        RulePack rulePack = RulePacks.resolve(pack);
        // Compile before a run is recorded: a DRL or decision-table error stops here, naming file and line or
        // sheet and cell (the KieBase is cached, so the audit does not compile it again).
        new RuleEvaluator(rulePack);
        AgencyList list = AgencyListReader.read(agencies);
        PrintWriter out = console;
        list.skippedRows().forEach(r -> spec.commandLine().getErr().println("跳过 / skipped: " + agencies + " " + r));
        out.printf("测评 %d 个单位，规则包 %s，基准日 %s%n", list.agencies().size(), rulePack.id(), date);
        AuditJob.Outcome outcome = job.run(AuditRequest.of(list, rulePack, date, this.out, options.settings(), options.parallel)
                .readFrom(agencies, pack)
                .withProgressEvery(options.progressInterval())
                .withWaivers(waiversAsOf(date))
                .comparedWith(previous), out);
        Outputs.print(out, outcome);
        return 0;
    }

    /** The waivers in force on the assessment date; problems with the file are listed, never silently used. */
    private Waivers waiversAsOf(LocalDate date) {
        if (waivers == null) {
            return Waivers.NONE;
        }
        Waivers inForce;
        try {
            inForce = Waivers.read(waivers, date);
        } catch (java.io.IOException e) {
            throw new BadInputException("无法读取豁免清单 " + waivers + "：" + e.getMessage(), "cannot read waiver file " + waivers);
        }
        inForce.problems().forEach(p -> spec.commandLine().getErr().println("豁免 / waiver: " + p));
        spec.commandLine().getOut().printf("豁免清单 %s：%d 条生效，%d 条有问题未使用%n", waivers, inForce.waivers().size(),
                inForce.problems().size());
        return inForce;
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--as-of 日期格式应为 YYYY-MM-DD：“" + text + "”", "--as-of must be YYYY-MM-DD: " + text);
        }
    }
}
