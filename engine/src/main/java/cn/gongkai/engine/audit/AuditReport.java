package cn.gongkai.engine.audit;

import cn.gongkai.engine.rule.PackItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one audit run, in rank order: what every report (workbook, HTML, JSON) renders.
 *
 * @param runId        id of the stored run
 * @param packId       rule pack id, e.g. {@code cn-regulation-2019}
 * @param packTitle    the pack's title
 * @param packSource   the source document the pack encodes
 * @param asOf         the explicit assessment date
 * @param startedAt    when the run started
 * @param agencies     one result per agency, ordered by rank then name
 * @param packVersion  the pack's version ({@code null} when unknown)
 * @param partialShare share of an item's points the pack awards for 部分符合 ({@code NaN} when unknown)
 * @param items        the pack's checklist items in source order, for the fix list's basis and the score matrix
 *                     (empty when unknown)
 */
public record AuditReport(
        String runId,
        String packId,
        String packTitle,
        String packSource,
        LocalDate asOf,
        Instant startedAt,
        List<AgencyResult> agencies,
        String packVersion,
        double partialShare,
        List<PackItem> items) {

    public AuditReport {
        agencies = List.copyOf(agencies);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A report without the pack's version and items. */
    public AuditReport(String runId, String packId, String packTitle, String packSource, LocalDate asOf,
                       Instant startedAt, List<AgencyResult> agencies) {
        this(runId, packId, packTitle, packSource, asOf, startedAt, agencies, null, Double.NaN, List.of());
    }

    /** The same report with other agency results (e.g. after review), in the order given. */
    public AuditReport withAgencies(List<AgencyResult> results) {
        return new AuditReport(runId, packId, packTitle, packSource, asOf, startedAt, results, packVersion,
                partialShare, items);
    }
}
