package cn.gongkai.engine.score;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    record Entry(String name, String tier, double score) {
    }

    @Test
    void equalScoresShareTheBetterRankAndTheNextRankSkips() {
        Entry a = new Entry("a", "部门", 100), b = new Entry("b", "部门", 90), c = new Entry("c", "区县", 100),
                d = new Entry("d", "区县", 75);
        Map<Entry, Integer> ranks = Ranking.rank(List.of(b, a, d, c), Entry::score);
        assertThat(ranks).containsEntry(a, 1).containsEntry(c, 1).containsEntry(b, 3).containsEntry(d, 4);
    }

    @Test
    void tierRanksCountOnlyAgenciesOfTheSameTier() {
        Entry a = new Entry("a", "部门", 100), b = new Entry("b", "部门", 90), c = new Entry("c", "区县", 80);
        Map<Entry, Integer> ranks = Ranking.rankWithin(List.of(a, b, c), Entry::tier, Entry::score);
        assertThat(ranks).containsEntry(a, 1).containsEntry(b, 2).containsEntry(c, 1);
    }
}
