package cn.gongkai.engine.audit;

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
 */
public record AuditReport(
        String runId,
        String packId,
        String packTitle,
        String packSource,
        LocalDate asOf,
        Instant startedAt,
        List<AgencyResult> agencies) {

    public AuditReport {
        agencies = List.copyOf(agencies);
    }
}
