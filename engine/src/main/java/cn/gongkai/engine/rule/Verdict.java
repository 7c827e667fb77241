package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Evidence;

import java.util.List;

/**
 * What a DRL rule concludes about one checklist item, before points are attached. Rules only decide the
 * status, the evidence and the explanation; points come from {@code pack.yaml}, so assessors can retune them
 * without touching DRL.
 */
public record Verdict(String rule, FindingStatus status, String explanation, List<Evidence> evidence) {

    public Verdict {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
