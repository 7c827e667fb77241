package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;

import java.util.List;

/**
 * The agencies read from a list, and the rows that were skipped with the reason for each. Valid rows are
 * audited even when others are bad; an assessor sees every skipped row.
 */
public record AgencyList(List<Agency> agencies, List<String> skippedRows) {

    public AgencyList {
        agencies = List.copyOf(agencies);
        skippedRows = List.copyOf(skippedRows);
    }
}
