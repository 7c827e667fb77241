package cn.gongkai.report;

import cn.gongkai.engine.audit.AuditReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rendering may add to the {@link AuditReport} itself: archive details of evidence pages, the previous
 * run to compare with, and the reviews already applied to the report.
 *
 * @param pages       archive details by WARC record id (empty: 证据 shows only what the findings carry)
 * @param previous    the run to compare with ({@code null}: no 变化 columns, no 进步与退步 sheet)
 * @param reviews     reviews applied to the report, marked in the scorecards (empty when none)
 * @param reviewer    who reviewed ({@code null} when no reviews)
 * @param reviewedAt  when the review was stored ({@code null} when no reviews)
 */
public record ReportContext(Map<String, EvidencePage> pages, AuditReport previous, List<Review> reviews,
                            String reviewer, Instant reviewedAt) {

    public ReportContext {
        pages = pages == null ? Map.of() : Map.copyOf(pages);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    /** Nothing beyond the report. */
    public static ReportContext none() {
        return new ReportContext(Map.of(), null, List.of(), null, null);
    }

    public ReportContext withPages(Map<String, EvidencePage> pages) {
        return new ReportContext(pages, previous, reviews, reviewer, reviewedAt);
    }

    public ReportContext withPrevious(AuditReport previous) {
        return new ReportContext(pages, previous, reviews, reviewer, reviewedAt);
    }

    public ReportContext withReviews(List<Review> reviews, String reviewer, Instant reviewedAt) {
        return new ReportContext(pages, previous, reviews, reviewer, reviewedAt);
    }
}
