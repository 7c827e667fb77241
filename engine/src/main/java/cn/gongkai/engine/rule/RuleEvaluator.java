package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.AssessmentDate;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.SiteVisit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates one rule pack with Drools. The pack's DRL is compiled once into a {@link KieBase}; each agency
 * gets a fresh session holding its facts, the assessment date and a {@link PackContext} global. Rules record
 * verdicts; points come from {@code pack.yaml}.
 *
 * <p>Where several rules speak about the same item (one per document found, say), the most favourable
 * verdict stands: an item is met if any published document meets it.
 */
public final class RuleEvaluator {

    /** Best first: the order in which competing verdicts for one item are preferred. */
    private static final List<FindingStatus> PREFERENCE = List.of(FindingStatus.NOT_APPLICABLE, FindingStatus.MET,
            FindingStatus.PARTIAL, FindingStatus.NEEDS_REVIEW, FindingStatus.VIOLATION, FindingStatus.MISSING);

    private final RulePack pack;
    private final KieBase kieBase;
    /** Whether the DRL declares the {@code ctx} global (a pack of manual items only, a fresh draft, has no DRL). */
    private final boolean hasCtx;
    private final Waivers waivers;

    public RuleEvaluator(RulePack pack) {
        this(pack, Waivers.NONE);
    }

    /** An evaluator that marks findings covered by {@code waivers} as 豁免. */
    public RuleEvaluator(RulePack pack, Waivers waivers) {
        this.pack = pack;
        this.kieBase = compile(pack);
        this.hasCtx = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("ctx")));
        this.waivers = waivers;
    }

    public RulePack pack() {
        return pack;
    }

    /**
     * Compiled KieBases by DRL sources (file name → text), most recently used last. Compiling a pack takes
     * seconds; a pack loaded again with the same DRL (the same shipped pack for another run, a child pack's
     * validation after its evaluation) reuses the KieBase, which is immutable once built and hands out
     * independent sessions. Bounded so a server that loads many edited packs does not keep them all.
     */
    private static final int CACHED_KIE_BASES = 16;
    private static final Map<Map<String, String>, KieBase> KIE_BASES =
            new LinkedHashMap<>(CACHED_KIE_BASES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Map<String, String>, KieBase> eldest) {
                    return size() > CACHED_KIE_BASES;
                }
            };

    /** Compiles the pack's DRL (or reuses the KieBase of identical DRL), failing with every compiler message at once. */
    static KieBase compile(RulePack pack) {
        synchronized (KIE_BASES) {
            KieBase cached = KIE_BASES.get(pack.rules());
            if (cached != null) {
                return cached;
            }
        }
        KieBase built = compileUncached(pack);
        synchronized (KIE_BASES) {
            KIE_BASES.put(pack.rules(), built);
        }
        return built;
    }

    private static KieBase compileUncached(RulePack pack) {
        // Drools resolves fact classes through the context class loader, which under a Spring Boot jar or a
        // test runner is not necessarily the one that loaded the fact model.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleEvaluator.class.getClassLoader());
        try {
            return compileWithContextLoader(pack);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Every DRL compiler error of the pack, with file and line; empty when the DRL compiles. */
    static List<PackProblem> compileProblems(RulePack pack) {
        synchronized (KIE_BASES) {
            if (KIE_BASES.containsKey(pack.rules())) {
                return List.of(); // it compiled before
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleEvaluator.class.getClassLoader());
        try {
            return problemsOf(pack, helper(pack).verify().getMessages(Message.Level.ERROR));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static KieHelper helper(RulePack pack) {
        KieServices ks = KieServices.Factory.get();
        KieHelper helper = new KieHelper();
        pack.rules().forEach((name, text) -> {
            Resource resource = ks.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(name);
            helper.addResource(resource, ResourceType.DRL);
        });
        return helper;
    }

    private static KieBase compileWithContextLoader(RulePack pack) {
        KieHelper helper = helper(pack);
        Results results = helper.verify();
        List<Message> errors = results.getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<PackProblem> problems = problemsOf(pack, errors);
            String lines = problems.stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
            throw new PackException(pack.id(), problems.get(0).file(), "DRL 编译错误：\n" + lines, "DRL does not compile");
        }
        return helper.build();
    }

    /** The compiler's errors as pack problems, without its follow-up "null Package" note after a syntax error. */
    private static List<PackProblem> problemsOf(RulePack pack, List<Message> errors) {
        List<Message> real = errors.stream().filter(m -> !m.getText().contains("Parser returned a null Package")).toList();
        Map<String, Integer> seen = new java.util.HashMap<>();
        return (real.isEmpty() ? errors : real).stream()
                .map(m -> problemOf(pack, m, seen.merge(fileOf(m) + "\u0000" + m.getText(), 1, Integer::sum) - 1))
                .toList();
    }

    /**
     * A compiler message as a pack problem: at the DRL file and line, or, for DRL generated from a decision
     * table, at the table's sheet and the first cell of the rule's row.
     */
    private static PackProblem problemOf(RulePack pack, Message m, int occurrence) {
        String text = m.getText().strip().replaceAll("\\s*\\n\\s*", " ");
        String file = fileOf(m);
        String key = pack.rules().keySet().stream()
                .filter(k -> k.equals(file) || k.endsWith("/" + file)).findFirst().orElse(file);
        if (DecisionTables.isTableKey(key) && pack.rules().containsKey(key)) {
            String place = DecisionTables.cellOf(key, pack.rules().get(key), m.getLine(), text, occurrence);
            String row = DecisionTables.rowOf(place);
            text = text.replaceAll("Line \\d+:\\d+\\s*", ""); // a line of generated DRL the assessor never sees
            return new PackProblem(pack.id(), place, 0,
                    "决策表第 " + row + " 行生成的规则无法编译（检查 RuleTable 下的对象类型行、代码行和这一行的取值；"
                            + "也可能引用了不存在的事实类型或字段）：" + text,
                    "the rule of row " + row + " of the decision table does not compile (check the object type and"
                            + " code rows under RuleTable and this row's values)");
        }
        return new PackProblem(pack.id(), file, Math.max(0, m.getLine()),
                "DRL 编译错误（可能引用了不存在的事实字段）：" + text, "DRL does not compile (unknown fact field?)");
    }

    private static String fileOf(Message m) {
        String path = m.getPath();
        return path == null ? "?" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** Evaluates the pack for one agency and returns one finding per pack item, in pack order. */
    public List<Finding> evaluate(Agency agency, SiteVisit visit, List<Document> documents, LocalDate asOf) {
        return evaluate(new AgencyFacts(agency, visit, documents, List.of()), asOf);
    }

    /** Evaluates the pack over all of an agency's facts and returns one finding per pack item, in pack order. */
    public List<Finding> evaluate(AgencyFacts facts, LocalDate asOf) {
        Agency agency = facts.agency();
        List<Document> documents = facts.documents();
        PackContext ctx = new PackContext(pack.id(), asOf, pack.parameters(), pack.calendar());
        KieSession session = kieBase.newKieSession();
        try {
            if (hasCtx) {
                session.setGlobal("ctx", ctx);
            }
            session.insert(agency);
            session.insert(facts.visit());
            facts.observations().forEach(session::insert);
            session.insert(new AssessmentDate(asOf));
            // A document dated after the assessment date was not there on that date: it is no evidence.
            documents.stream()
                    .filter(d -> d.publishedOn() == null || !d.publishedOn().isAfter(asOf))
                    .forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        Map<String, Verdict> best = new LinkedHashMap<>();
        for (Verdict v : ctx.verdicts()) {
            if (pack.dropped().contains(v.rule())) {
                continue; // an inherited rule whose item this pack dropped
            }
            if (pack.item(v.rule()).isEmpty()) {
                throw new PackException(pack.id(), "*.drl", "规则记录了 pack.yaml 中没有的条目 " + v.rule(),
                        "a rule recorded unknown item " + v.rule());
            }
            best.merge(v.rule(), v, (a, b) -> rank(b) < rank(a) ? b : a);
        }
        Set<String> flags = facts.observations().stream()
                .filter(AgencyAttributes.class::isInstance)
                .flatMap(o -> ((AgencyAttributes) o).flags().stream())
                .collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (PackItem item : pack.items()) {
            Optional<String> exclusion = item.applicability().exclusion(agency, flags);
            if (exclusion.isPresent()) {
                findings.add(new Finding(item.id(), item.item(), item.title(), item.area(), FindingStatus.NOT_APPLICABLE,
                        0, 0, List.of(), exclusion.get()));
                continue;
            }
            Verdict v = best.get(item.id());
            findings.add(v == null ? unresolved(item) : finding(item, v));
        }
        return waivers.apply(agency.name(), findings);
    }

    private static int rank(Verdict v) {
        return PREFERENCE.indexOf(v.status());
    }

    private Finding finding(PackItem item, Verdict v) {
        double awarded = switch (v.status()) {
            case MET -> item.points();
            case PARTIAL -> item.points() * (item.partialShare() == null ? pack.partialShare() : item.partialShare());
            default -> 0;
        };
        double points = v.status() == FindingStatus.NOT_APPLICABLE ? 0 : item.points();
        boolean vetoes = item.veto()
                && (v.status() == FindingStatus.MISSING || v.status() == FindingStatus.VIOLATION);
        String explanation = vetoes ? v.explanation() + "（单项否决：网站不合格）" : v.explanation();
        return new Finding(item.id(), item.item(), item.title(), item.area(), v.status(), points,
                awarded, v.evidence(), explanation, vetoes);
    }

    private static Finding unresolved(PackItem item) {
        String explanation = item.check() == CheckMode.AUTO
                ? "规则未得出结论，请人工核查。"
                : "该项无法从网站自动判断，请测评人员人工核查。";
        return new Finding(item.id(), item.item(), item.title(), item.area(), FindingStatus.NEEDS_REVIEW,
                item.points(), 0, List.of(), explanation);
    }
}
