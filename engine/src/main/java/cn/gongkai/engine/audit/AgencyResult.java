package cn.gongkai.engine.audit;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;

import java.util.List;

/**
 * One agency's assessment: what its site showed, the facts read from it, the findings and the score.
 *
 * @param observations  site-level facts other than documents (columns, link failures …), as rules saw them
 * @param rank      overall rank by score, ties sharing the better rank (1, 1, 3)
 * @param tierRank  rank within the agency's tier, ties shared likewise
 */
public record AgencyResult(
        Agency agency,
        SiteVisit visit,
        List<Document> documents,
        List<Object> observations,
        List<Finding> findings,
        double score,
        double maxScore,
        int rank,
        int tierRank) {

    public AgencyResult {
        documents = List.copyOf(documents);
        observations = observations == null ? List.of() : List.copyOf(observations);
        findings = List.copyOf(findings);
    }

    /** A result without site-level observations. */
    public AgencyResult(Agency agency, SiteVisit visit, List<Document> documents, List<Finding> findings,
                        double score, double maxScore, int rank, int tierRank) {
        this(agency, visit, documents, List.of(), findings, score, maxScore, rank, tierRank);
    }

    /** The facts this result was evaluated on. */
    public AgencyFacts facts() {
        return new AgencyFacts(agency, visit, documents, observations);
    }

    /** The same result with its ranks set. */
    public AgencyResult ranked(int overall, int inTier) {
        return new AgencyResult(agency, visit, documents, observations, findings, score, maxScore, overall, inTier);
    }

    /** Whether a 单项否决 item failed: the site is 不合格 whatever its score. */
    public boolean vetoed() {
        return findings.stream().anyMatch(Finding::vetoes);
    }

    /** Score as a percentage of the full marks applicable to this agency. */
    public double percentage() {
        return maxScore == 0 ? 0 : 100.0 * score / maxScore;
    }
}
