package cn.gongkai.report;

import cn.gongkai.engine.audit.AuditReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The reports module's entry point: renders an {@link AuditReport} into the files of an audit's output folder.
 *
 * <ul>
 *   <li>{@value #WORKBOOK} — the scored workbook assessors review: 说明, 排名 and one 得分卡 per agency;</li>
 *   <li>{@value #HTML} — the same ranking and scorecards as one self-contained web page;</li>
 *   <li>{@value #FINDINGS} — every finding per agency (the {@code findings.json} contract);</li>
 *   <li>{@value #FACTS} — every fact read per agency, with its source URL (the {@code facts.json} contract).</li>
 * </ul>
 *
 * <p>Text taken from websites is only ever written as plain cell text, never as a formula, and hyperlinks are
 * made only for http(s) URLs. The workbook is streamed, so thousands of agencies fit in a small heap.
 * Instances are stateless and thread-safe.
 */
public final class ReportWriter {

    public static final String WORKBOOK = "assessment.xlsx";
    public static final String FINDINGS = "findings.json";
    public static final String FACTS = "facts.json";
    public static final String HTML = "report.html";

    /**
     * Writes {@value #WORKBOOK}, {@value #FINDINGS} and {@value #FACTS} into {@code outDir}, creating it if
     * needed and replacing files of those names.
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeAll(AuditReport report, Path outDir) {
        writeAll(report, ReportContext.none(), outDir);
    }

    /**
     * Writes {@value #WORKBOOK}, {@value #HTML}, {@value #FINDINGS} and {@value #FACTS} into {@code outDir};
     * the workbook and page use the context's evidence details and comparison.
     */
    public void writeAll(AuditReport report, ReportContext context, Path outDir) {
        writeWorkbook(report, context, outDir.resolve(WORKBOOK));
        writeHtml(report, context, outDir.resolve(HTML));
        writeFindingsJson(report, outDir.resolve(FINDINGS));
        writeFactsJson(report, outDir.resolve(FACTS));
    }

    /**
     * Writes the assessment workbook to {@code file}. The file appears complete or not at all: it is written
     * beside the target and moved into place.
     */
    public void writeWorkbook(AuditReport report, Path file) {
        writeWorkbook(report, ReportContext.none(), file);
    }

    /** Writes the assessment workbook with the context's evidence details, comparison and review marks. */
    public void writeWorkbook(AuditReport report, ReportContext context, Path file) {
        try {
            WorkbookWriter.write(report, context, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook " + file, e);
        }
    }

    /** Writes {@value #HTML}: one self-contained page (no external assets) with the ranking and every scorecard. */
    public void writeHtml(AuditReport report, ReportContext context, Path file) {
        try {
            HtmlReport.write(new Render(report, context), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code findings.json}: pack, as-of date, run id and every agency's findings, pretty-printed UTF-8. */
    public void writeFindingsJson(AuditReport report, Path file) {
        try {
            JsonReports.write(JsonReports.findings(report), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code facts.json}: pack, as-of date and every agency's site visit and facts, pretty-printed UTF-8. */
    public void writeFactsJson(AuditReport report, Path file) {
        try {
            JsonReports.write(JsonReports.facts(report), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
