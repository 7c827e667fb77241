package cn.gongkai.engine.score;

import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.RulePack;

import java.util.List;

/**
 * An agency's score: the points awarded over the full marks of the items that apply to it. Items found
 * {@code NOT_APPLICABLE} carry zero points and so leave the full marks.
 */
public record Score(double awarded, double fullMarks) {

    public static Score of(List<Finding> findings) {
        return new Score(
                findings.stream().mapToDouble(Finding::awarded).sum(),
                findings.stream().mapToDouble(Finding::points).sum());
    }

    /**
     * The score under a pack's scoring rules: a site with a vetoing finding (单项否决) scores at most the pack's
     * {@code vetoCap}.
     */
    public static Score of(List<Finding> findings, RulePack.Scoring scoring) {
        Score plain = of(findings);
        boolean vetoed = findings.stream().anyMatch(Finding::vetoes);
        if (vetoed && scoring.vetoCap() != null && plain.awarded() > scoring.vetoCap()) {
            return new Score(scoring.vetoCap(), plain.fullMarks());
        }
        return plain;
    }

    /** Percentage of full marks; what agencies of different applicability are ranked by. */
    public double percentage() {
        return fullMarks == 0 ? 0 : 100.0 * awarded / fullMarks;
    }

    /** Points as assessors write them: {@code 67.5}, {@code 100} (no trailing {@code .0}). */
    public static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
