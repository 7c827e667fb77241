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
            out.printf("  %2d  %s %6s / %s%n", r.rank(), padToWidth(r.agency().name(), 28), Score.format(r.score()),
                    Score.format(r.maxScore()));
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

    /** Pads to a terminal width where CJK characters take two columns, so the score column lines up. */
    static String padToWidth(String text, int columns) {
        int width = text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, columns - width));
    }
}
