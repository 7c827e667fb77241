package cn.gongkai.app.cli;

import cn.gongkai.app.agency.AgencyListException;
import cn.gongkai.app.run.OutputWriteException;
import cn.gongkai.engine.rule.PackException;
import cn.gongkai.report.ReviewException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code gongkai}: the command line of Gongkai Audit.
 */
@Command(name = "gongkai", mixinStandardHelpOptions = true, version = "Gongkai Audit 0.1",
        description = "政务公开合规测评：抓取机关网站、抽取事实、按规则包评分、生成测评表。",
        subcommands = {DemoCommand.class, AuditCommand.class, ExtractCommand.class, PacksCommand.class, RunsCommand.class,
                RescoreCommand.class, CompareCommand.class, ServeCommand.class, BenchCommand.class,
                ReassessCommand.class, CommandLine.HelpCommand.class})
public class GongkaiCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand, show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit code for unusable input (agency list, pack, date): the user must fix something. */
    public static final int BAD_INPUT = 2;

    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(GongkaiCommand.class, factory);
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            if (e instanceof AgencyListException || e instanceof PackException || e instanceof BadInputException
                    || e instanceof ReviewException) {
                err.println("错误 / error: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof OutputWriteException) {
                err.println("错误 / error: " + e.getMessage());
                return 1;
            }
            err.println("运行失败 / failed: " + e);
            e.printStackTrace(err);
            return 1;
        });
        return cl;
    }
}
