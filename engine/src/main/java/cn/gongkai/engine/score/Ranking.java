package cn.gongkai.engine.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Competition ranking ("1, 1, 3") as assessors publish it: equal scores share the better rank, overall and
 * within each tier (部门 / 区县 / 乡镇).
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Ranks {@code items} by {@code score}, highest first, ties shared.
     *
     * @return each item's rank, by identity of the item
     */
    public static <T> Map<T, Integer> rank(List<T> items, ToDoubleFunction<T> score) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(score).reversed());
        Map<T, Integer> ranks = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            T item = sorted.get(i);
            boolean tie = i > 0 && Double.compare(score.applyAsDouble(item), score.applyAsDouble(sorted.get(i - 1))) == 0;
            ranks.put(item, tie ? ranks.get(sorted.get(i - 1)) : i + 1);
        }
        return ranks;
    }

    /** Ranks items within each group given by {@code group}, ties shared. */
    public static <T, G> Map<T, Integer> rankWithin(List<T> items, Function<T, G> group, ToDoubleFunction<T> score) {
        Map<G, List<T>> groups = new HashMap<>();
        items.forEach(i -> groups.computeIfAbsent(group.apply(i), g -> new ArrayList<>()).add(i));
        Map<T, Integer> ranks = new HashMap<>();
        groups.values().forEach(g -> ranks.putAll(rank(g, score)));
        return ranks;
    }
}
