package cn.gongkai.app.run;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.report.ReportContext;
import cn.gongkai.report.ReportWriter;
import cn.gongkai.report.Review;
import cn.gongkai.report.ReviewRoundTrip;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What happens to a finished run afterwards: an assessor's review read back and rescored ({@code rescore}), and
 * a comparison with an earlier run ({@code compare}). Both write new workbooks; neither touches what the run
 * collected.
 */
@Service
public class ReviewJob {

    public static final String REVIEWED_WORKBOOK = "assessment-reviewed.xlsx";
    public static final String REVIEWED_HTML = "report-reviewed.html";
    public static final String COMPARISON_WORKBOOK = "comparison.xlsx";

    private final RunStore store;
    private final StoredRuns runs;

    ReviewJob(RunStore store, StoredRuns runs) {
        this.store = store;
        this.runs = runs;
    }

    /** A rescored run: the reviews read, the report before and after, and the workbook written. */
    public record Rescored(AuditReport before, AuditReport after, List<Review> reviews, Path workbook, Path html) {
    }

    /**
     * Reads the reviews in {@code reviewed}, validates them against the run, stores them with reviewer and time,
     * and writes the rescored workbook (reviewed cells marked) and page into {@code outDir} (default: the run's).
     */
    public Rescored rescore(String runId, Path reviewed, String reviewer, Path outDir) {
        AuditReport before = runs.load(runId);
        List<Review> reviews = ReviewRoundTrip.read(reviewed, before);
        AuditReport after = ReviewRoundTrip.apply(before, reviews);
        Instant at = Instant.now();
        store.reviewed(runId, reviews, reviewer, at, reviewed.toAbsolutePath().toString());
        Path dir = outDir != null ? outDir : runs.outDir(runId);
        ReportContext context = ReportContext.none().withPages(store.evidencePages(runId, after)).withReviews(reviews, reviewer, at);
        ReportWriter writer = new ReportWriter();
        Path workbook = dir.resolve(REVIEWED_WORKBOOK);
        Path html = dir.resolve(REVIEWED_HTML);
        writer.writeWorkbook(after, context, workbook);
        writer.writeHtml(after, context, html);
        return new Rescored(before, after, reviews, workbook, html);
    }

    /**
     * A comparison of run {@code runId} with {@code baseId}, written as {@value #COMPARISON_WORKBOOK}; each run
     * counts with its latest review applied, if it has one.
     */
    public record Compared(AuditReport base, AuditReport run, Path workbook, boolean baseReviewed, boolean runReviewed) {
    }

    public Compared compare(String baseId, String runId, Path outDir) {
        AuditReport base = runs.loadReviewed(baseId);
        AuditReport run = runs.loadReviewed(runId);
        Path dir = outDir != null ? outDir : runs.outDir(runId);
        Path workbook = dir.resolve(COMPARISON_WORKBOOK);
        new ReportWriter().writeWorkbook(run, ReportContext.none().withPages(store.evidencePages(runId, run)).withPrevious(base), workbook);
        return new Compared(base, run, workbook, runs.reviewed(baseId), runs.reviewed(runId));
    }

    /** The agency of the same name in another report, or {@code null}. */
    public static AgencyResult find(AuditReport report, String name) {
        return report.agencies().stream().filter(a -> a.agency().name().equals(name)).findFirst().orElse(null);
    }
}
