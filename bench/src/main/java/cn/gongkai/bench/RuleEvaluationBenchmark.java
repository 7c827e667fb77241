package cn.gongkai.bench;

import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rule evaluation of the full {@code hn-2020} pack on the facts of real audits (five fixture agencies and
 * twenty farm agencies): warm — agencies per second on a compiled KieBase; cold — compiling the pack's KieBase
 * and evaluating the first agency, as every audit starts (no warm-up iterations).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEvaluationBenchmark {

    static final String PACK = "hn-2020";

    private RulePack pack;
    private RuleEvaluator evaluator;
    private List<AgencyFacts> facts;
    private int next;

    @Setup
    public void load() {
        pack = RulePacks.loadShipped(PACK);
        evaluator = new RuleEvaluator(pack);
        facts = BenchData.auditResults(20).stream().map(r -> r.facts()).toList();
    }

    /*
     * Six warm-up iterations: throughput climbs for about 12 s (1,150 → 3,000 agencies/s on 2 cores) while the JIT
     * compiles Drools' and MVEL's paths; with two, the figure was a third of the plateau.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Warmup(iterations = 6, time = 2)
    @Measurement(iterations = 3, time = 2)
    public List<Finding> warmAgencies() {
        AgencyFacts f = facts.get(next);
        next = next + 1 == facts.size() ? 0 : next + 1;
        return evaluator.evaluate(f, BenchData.AS_OF);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    public List<Finding> coldKieBaseFirstAgency() {
        return new RuleEvaluator(pack).evaluate(facts.get(0), BenchData.AS_OF);
    }
}
