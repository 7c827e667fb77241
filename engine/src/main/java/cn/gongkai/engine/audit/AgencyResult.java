package cn.gongkai.engine.audit;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;

import java.util.List;

/**
 * One agency's assessment: what its site showed, the facts read from it, the findings and the score.
 *
 * @param rank      overall rank by score, ties sharing the better rank (1, 1, 3)
 * @param tierRank  rank within the agency's tier, ties shared likewise
 */
public record AgencyResult(
        Agency agency,
        SiteVisit visit,
        List<Document> documents,
        List<Finding> findings,
        double score,
        double maxScore,
        int rank,
        int tierRank) {

    public AgencyResult {
        documents = List.copyOf(documents);
        findings = List.copyOf(findings);
    }

    /** Score as a percentage of the full marks applicable to this agency. */
    public double percentage() {
        return maxScore == 0 ? 0 : 100.0 * score / maxScore;
    }
}
