package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;

import java.util.List;

/**
 * The agencies read from a list, and the rows that were skipped with the reason for each. Valid rows are
 * audited even when others are bad; an assessor sees every skipped row.
 */
public record AgencyList(List<Agency> agencies, List<SkippedRow> skipped) {

    public AgencyList {
        agencies = List.copyOf(agencies);
        skipped = List.copyOf(skipped);
    }

    /** Each skipped row as one bilingual line naming row and cell (console, {@code audit.log}). */
    public List<String> skippedRows() {
        return skipped.stream().map(SkippedRow::toString).toList();
    }

    /** The same agencies with {@code rows} as the skipped rows (a web upload, re-read from its cleaned copy). */
    public AgencyList withSkipped(List<SkippedRow> rows) {
        return new AgencyList(agencies, rows);
    }
}
