package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: the ranking and every agency's scorecard on one self-contained page (inline CSS, no
 * scripts, fonts or images), for agencies that do not use Excel. Built as a jsoup DOM with {@code text()} and
 * {@code attr()} only, so text from crawled pages is escaped by construction; links are made only for http(s)
 * URLs, like the workbook's.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0;width:100%}
            th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#e6e6e6}
            td.num{text-align:right;white-space:nowrap}
            .MISSING,.VIOLATION{font-weight:bold}
            .reviewed{font-weight:bold;border:2px solid #000}
            section{page-break-before:always}
            """;

    private HtmlReport() {
    }

    static void write(Render render, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(html(render).getBytes(StandardCharsets.UTF_8)));
    }

    static String html(Render render) {
        AuditReport report = render.report;
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base).prettyPrint(true);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("title").text("政务公开测评结果 " + nz(report.packTitle()));
        doc.head().appendElement("style").appendText(CSS);
        Element body = doc.body();
        body.appendElement("h1").text("政务公开测评结果");
        Element meta = body.appendElement("p");
        meta.text("规则包：" + nz(report.packTitle()) + "（" + nz(report.packId())
                + (report.packVersion() == null ? "" : "，版本 " + report.packVersion()) + "）；评估基准日："
                + report.asOf() + "；运行编号：" + nz(report.runId()) + "；评估单位 " + report.agencies().size() + " 个。");
        body.appendElement("p").text(NotesSheet.scoringRule(report));

        body.appendElement("h2").text("排名");
        Element ranking = body.appendElement("table");
        row(ranking.appendElement("thead"), "th", "排名", "层级内排名", "单位名称", "层级", "得分", "满分", "得分率", "等级");
        Element rbody = ranking.appendElement("tbody");
        for (AgencyResult a : report.agencies()) {
            Element tr = rbody.appendElement("tr");
            num(tr, Integer.toString(a.rank()));
            num(tr, Integer.toString(a.tierRank()));
            tr.appendElement("td").appendElement("a").attr("href", "#agency-" + a.rank() + "-" + a.agency().name().hashCode())
                    .text(nz(a.agency().name()));
            tr.appendElement("td").text(nz(a.agency().tier()));
            num(tr, ScorecardSheet.points(a.score()));
            num(tr, ScorecardSheet.points(a.maxScore()));
            num(tr, String.format("%.1f%%", a.percentage()));
            tr.appendElement("td").text(Grade.of(a.percentage()).label());
        }

        for (AgencyResult a : report.agencies()) {
            Element section = body.appendElement("section").attr("id", "agency-" + a.rank() + "-" + a.agency().name().hashCode());
            section.appendElement("h2").text(nz(a.agency().name()));
            Element p = section.appendElement("p");
            p.appendText("网站：");
            link(p, a.agency().url());
            p.appendText(String.format("；得分 %s / %s（得分率 %.1f%%，%s）；第%d名（%s内第%d名）；%s",
                    ScorecardSheet.points(a.score()), ScorecardSheet.points(a.maxScore()), a.percentage(),
                    Grade.of(a.percentage()).label(), a.rank(), nz(a.agency().tier()), a.tierRank(),
                    ScorecardSheet.describe(a.visit())));
            Element table = section.appendElement("table");
            row(table.appendElement("thead"), "th", "序号", "一级指标", "考察点", "检查情况", "得分", "满分", "状态", "证据", "复核");
            Element tbody = table.appendElement("tbody");
            int seq = 1;
            for (Finding f : a.findings()) {
                Element tr = tbody.appendElement("tr");
                num(tr, Integer.toString(seq++));
                tr.appendElement("td").text(nz(f.area()));
                tr.appendElement("td").text(nz(ScorecardSheet.itemText(f)));
                tr.appendElement("td").text(nz(f.explanation()));
                num(tr, ScorecardSheet.points(f.awarded()));
                num(tr, f.status() == FindingStatus.NOT_APPLICABLE ? "" : ScorecardSheet.points(f.points()));
                tr.appendElement("td").addClass(f.status() == null ? "" : f.status().name())
                        .text(f.status() == null ? "" : f.status().label());
                Element ev = tr.appendElement("td");
                List<Evidence> evidence = f.evidence();
                for (int i = 0; i < evidence.size(); i++) {
                    if (i > 0) {
                        ev.appendElement("br");
                    }
                    link(ev, evidence.get(i).url());
                    if (evidence.get(i).warcRecordId() != null) {
                        ev.appendText(" [" + evidence.get(i).warcRecordId() + "]");
                    }
                }
                Review review = render.review(a, f);
                Element rv = tr.appendElement("td");
                if (review != null) {
                    rv.addClass("reviewed").text(review.conclusion() + (review.note() == null ? "" : "：" + review.note()));
                }
            }
        }
        return "<!DOCTYPE html>\n" + doc.outerHtml();
    }

    private static void row(Element parent, String cell, String... texts) {
        Element tr = parent.appendElement("tr");
        for (String t : texts) {
            tr.appendElement(cell).text(t);
        }
    }

    private static void num(Element tr, String text) {
        tr.appendElement("td").addClass("num").text(text);
    }

    /** A link for http(s) URLs, plain text otherwise — never {@code javascript:} or {@code file:}. */
    private static void link(Element parent, String url) {
        if (url == null) {
            return;
        }
        var target = SafeText.httpUrl(url);
        if (target.isPresent()) {
            parent.appendElement("a").attr("href", target.get()).attr("rel", "noopener noreferrer").text(url);
        } else {
            parent.appendText(url);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
