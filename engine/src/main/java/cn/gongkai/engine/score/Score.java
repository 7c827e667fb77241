package cn.gongkai.engine.score;

import cn.gongkai.engine.rule.Finding;

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

    /** Percentage of full marks; what agencies of different applicability are ranked by. */
    public double percentage() {
        return fullMarks == 0 ? 0 : 100.0 * awarded / fullMarks;
    }

    /** Points as assessors write them: {@code 67.5}, {@code 100} (no trailing {@code .0}). */
    public static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
