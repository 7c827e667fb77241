package cn.gongkai.app.cli;

import cn.gongkai.app.run.AuditJob;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.score.Score;

import java.io.PrintWriter;

/**
 * Prints where an audit's outputs are and the ranking, the same way for {@code audit} and {@code demo}.
 */
final class Outputs {

    private Outputs() {
    }

    static void print(PrintWriter out, AuditJob.Outcome o) {
        out.println();
        out.println("排名：");
        for (AgencyResult r : o.report().agencies()) {
            out.printf("  %2d  %-20s %6s / %s%n", r.rank(), r.agency().name(), Score.format(r.score()), Score.format(r.maxScore()));
        }
        out.println();
        out.println("测评编号 run id: " + o.runId());
        out.println("测评表   workbook: " + o.workbook().toAbsolutePath());
        out.println("网页报告 html:     " + o.html().toAbsolutePath());
        out.println("测评结果 findings: " + o.findings().toAbsolutePath());
        out.println("事实     facts:    " + o.facts().toAbsolutePath());
        out.println("网页存档 WARC:     " + o.warc().toAbsolutePath());
        out.println("日志     log:      " + o.log().toAbsolutePath());
    }
}
