package cn.gongkai.app.cli;

import cn.gongkai.app.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code gongkai runs}: the audits stored in the run database.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "列出已保存的测评运行。")
public class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final RunStore store;

    RunsCommand(RunStore store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var runs = store.list();
        if (runs.isEmpty()) {
            out.println("尚无测评运行。");
        }
        for (RunStore.RunSummary r : runs) {
            out.printf("%-24s %-20s 基准日 %s  %-7s %d 个单位%s%s  %s%n", r.id(), r.packId(), r.asOf(), r.status(),
                    r.agencies(), r.skippedRows() == 0 ? "" : "（名单跳过 " + r.skippedRows() + " 行）",
                    r.sourceRunId() == null ? "" : "（由 " + r.sourceRunId() + " 的存档重新测评）", r.outDir());
        }
        return 0;
    }
}
