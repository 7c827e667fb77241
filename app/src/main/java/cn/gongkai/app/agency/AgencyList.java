package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;

import java.util.List;
import java.util.Map;

/**
 * The agencies read from a list, and the rows that were skipped with the reason for each. Valid rows are
 * audited even when others are bad; an assessor sees every skipped row.
 *
 * @param origins where each agency's row is, by agency name (empty for lists not read from a file), so a row
 *                refused later — the web app refusing a private address — is named like the rows skipped here
 */
public record AgencyList(List<Agency> agencies, List<SkippedRow> skipped, Map<String, Origin> origins) {

    /** An agency's row: sheet ({@code null} for CSV), 1-based row, 1-based column of its 网站地址. */
    public record Origin(String sheet, int row, int urlColumn) {
    }

    public AgencyList {
        agencies = List.copyOf(agencies);
        skipped = List.copyOf(skipped);
        origins = Map.copyOf(origins);
    }

    public AgencyList(List<Agency> agencies, List<SkippedRow> skipped) {
        this(agencies, skipped, Map.of());
    }

    /** Each skipped row as one bilingual line naming row and cell (console, {@code audit.log}). */
    public List<String> skippedRows() {
        return skipped.stream().map(SkippedRow::toString).toList();
    }

    /** The same agencies with {@code rows} as the skipped rows (a web upload, re-read from its cleaned copy). */
    public AgencyList withSkipped(List<SkippedRow> rows) {
        return new AgencyList(agencies, rows, origins);
    }

    /**
     * The row of {@code agency} as skipped for the reason given, naming its 网站地址 cell in {@code file}; row 0 when
     * the list does not know where the agency came from.
     */
    public SkippedRow skip(Agency agency, String file, String zh, String en) {
        Origin o = origins.getOrDefault(agency.name(), new Origin(null, 0, 0));
        return new SkippedRow(file, o.sheet(), o.row(), o.urlColumn(), agency.url(), zh, en);
    }
}
