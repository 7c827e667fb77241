package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.AgencyType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads rule packs: from a folder an assessor edits, or from the packs shipped on the classpath
 * ({@code packs/<id>/}, listed in {@code packs/index.txt}). A pack may {@code extends} another (looked up beside
 * its folder first, then among the shipped packs) and {@code drop} or {@code override} inherited items; the result
 * is the effective pack. Every problem found is reported at once, with file and line.
 */
public final class RulePacks {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String INDEX = "packs/index.txt";
    private static final Pattern RECORD = Pattern.compile("ctx\\.record\\(\\s*\"([^\"]+)\"|@id\\(\\s*\"([^\"]+)\"\\s*\\)");

    private RulePacks() {
    }

    /** Loads the pack in {@code folder} ({@code pack.yaml} plus the DRL files it lists), resolving {@code extends}. */
    public static RulePack load(Path folder) {
        return orThrow(loadChecked(folder));
    }

    /** Loads a pack shipped on the classpath under {@code packs/<id>/}. */
    public static RulePack loadShipped(String id) {
        if (!shippedIds().contains(id)) {
            throw new PackException(id, INDEX, "未知的规则包，可用：" + shippedIds(), "unknown pack; known: " + shippedIds());
        }
        List<PackProblem> problems = new ArrayList<>();
        RulePack pack = resolveTree(id, shippedSource(id), null, new ArrayList<>(), problems);
        if (pack != null) {
            checkRuleIds(pack, problems);
        }
        return orThrow(new Loaded(pack, problems));
    }

    /**
     * Every problem of the pack in {@code folder}: YAML, missing keys, duplicate ids, points, inheritance, rule ids
     * the DRL records but {@code pack.yaml} lacks, and DRL compile errors (with line). Empty when the pack is usable.
     */
    public static List<PackProblem> validate(Path folder) {
        Loaded loaded = loadChecked(folder);
        List<PackProblem> problems = new ArrayList<>(loaded.problems());
        if (loaded.pack() != null) {
            problems.addAll(RuleEvaluator.compileProblems(loaded.pack()));
        }
        return problems;
    }

    /** Ids of the packs shipped on the classpath, in index order. */
    public static List<String> shippedIds() {
        return readResource(INDEX).map(text -> text.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList())
                .orElse(List.of());
    }

    /** Resolves a pack argument: an existing folder is loaded from disk, anything else is a shipped pack id. */
    public static RulePack resolve(String idOrFolder) {
        Path folder = Path.of(idOrFolder);
        if (Files.isRegularFile(folder.resolve("pack.yaml"))) {
            return load(folder);
        }
        return loadShipped(idOrFolder);
    }

    private record Loaded(RulePack pack, List<PackProblem> problems) {
    }

    private static Loaded loadChecked(Path folder) {
        List<PackProblem> problems = new ArrayList<>();
        RulePack pack = resolveTree(folder.getFileName().toString(), folderSource(folder), folder.getParent(),
                new ArrayList<>(), problems);
        if (pack != null) {
            checkRuleIds(pack, problems);
        }
        return new Loaded(pack, problems);
    }

    private static RulePack orThrow(Loaded loaded) {
        if (!loaded.problems().isEmpty()) {
            PackProblem first = loaded.problems().get(0);
            String all = loaded.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
            throw new PackException(first.packId(), first.file(), loaded.problems().size() + " 处问题：\n" + all,
                    loaded.problems().size() + " problem(s)");
        }
        return loaded.pack();
    }

    /** A pack's files by name: bytes for decision tables, UTF-8 text for the rest. */
    private interface Source extends Function<String, Optional<byte[]>> {
        default Optional<String> text(String name) {
            return apply(name).map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }

    private static Source folderSource(Path folder) {
        return name -> {
            Path file = folder.resolve(name);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Source shippedSource(String id) {
        // normalize() lets a pack name shared data beside it, e.g. calendar: ../calendar/cn-workdays.yaml
        return name -> readResourceBytes(java.net.URI.create("packs/" + id + "/" + name).normalize().toString());
    }

    private static Optional<String> readResource(String name) {
        return readResourceBytes(name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> readResourceBytes(String name) {
        try (InputStream in = RulePacks.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one pack and, recursively, the packs it extends; {@code chain} detects cycles. */
    private static RulePack resolveTree(String name, Source files, Path siblings,
                                        List<String> chain, List<PackProblem> problems) {
        Optional<String> yaml = files.text("pack.yaml");
        if (yaml.isEmpty()) {
            problems.add(new PackProblem(name, "pack.yaml", 0, "找不到 pack.yaml", "pack.yaml not found"));
            return null;
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml.get());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new PackProblem(name, "pack.yaml", line, "YAML 格式错误：" + e.getOriginalMessage(),
                    "malformed YAML: " + e.getOriginalMessage()));
            return null;
        }
        PackYaml own = new PackYaml(name, yaml.get(), root, problems);
        String id = own.text("id", name);
        if (chain.contains(id)) {
            problems.add(new PackProblem(id, "pack.yaml", own.lineOf("extends:"), "规则包继承成环：" + String.join(" → ", chain) + " → " + id,
                    "inheritance cycle: " + String.join(" -> ", chain) + " -> " + id));
            return null;
        }
        chain.add(id);
        RulePack parent = null;
        String parentId = root.path("extends").asString("");
        if (!parentId.isBlank()) {
            if (siblings != null && Files.isRegularFile(siblings.resolve(parentId).resolve("pack.yaml"))) {
                parent = resolveTree(parentId, folderSource(siblings.resolve(parentId)), siblings, chain, problems);
            } else if (shippedIds().contains(parentId)) {
                parent = resolveTree(parentId, shippedSource(parentId), null, chain, problems);
            } else {
                problems.add(new PackProblem(id, "pack.yaml", own.lineOf("extends:"), "找不到所继承的规则包 " + parentId,
                        "extended pack " + parentId + " not found"));
            }
            if (parent == null) {
                return null;
            }
        }
        chain.remove(chain.size() - 1);
        return own.merge(id, parent, files);
    }

    /** DRL that records or tags an id the effective pack does not have is a pack error, not a runtime surprise. */
    private static void checkRuleIds(RulePack pack, List<PackProblem> problems) {
        Set<String> known = new HashSet<>(pack.dropped());
        pack.items().forEach(i -> known.add(i.id()));
        pack.rules().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int n = 0; n < lines.length; n++) {
                Matcher m = RECORD.matcher(lines[n]);
                while (m.find()) {
                    String ruleId = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!known.contains(ruleId) && DecisionTables.isTableKey(file)) {
                        problems.add(new PackProblem(pack.id(), DecisionTables.cellOf(file, text, n + 1), 0,
                                "决策表中的条目 " + ruleId + " 不在 pack.yaml 中", "the decision table names item " + ruleId
                                + " that pack.yaml does not list"));
                    } else if (!known.contains(ruleId)) {
                        problems.add(new PackProblem(pack.id(), file, n + 1, "DRL 中的条目 " + ruleId + " 不在 pack.yaml 中",
                                "DRL names item " + ruleId + " that pack.yaml does not list"));
                    }
                }
            }
        });
    }

    /** One {@code pack.yaml}, read with line numbers for its problems. */
    private static final class PackYaml {
        private final String name;
        private final String[] lines;
        private final JsonNode root;
        private final List<PackProblem> problems;

        PackYaml(String name, String text, JsonNode root, List<PackProblem> problems) {
            this.name = name;
            this.lines = text.split("\n", -1);
            this.root = root;
            this.problems = problems;
        }

        String text(String key, String packId) {
            String value = root.path(key).asString("");
            if (value.isBlank()) {
                problem(packId, 0, "缺少字段 " + key, "missing key " + key);
            }
            return value.isBlank() ? packId : value;
        }

        void problem(String packId, int line, String chinese, String english) {
            problems.add(new PackProblem(packId, "pack.yaml", line, chinese, english));
        }

        /** The 1-based line of the first line containing {@code needle}, 0 if none. */
        int lineOf(String needle) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(needle)) return i + 1;
            }
            return 0;
        }

        /** The line declaring item {@code ruleId} ({@code - id: X} or {@code id: X}); the {@code nth} such. */
        int lineOfId(String ruleId, int nth) {
            Pattern p = Pattern.compile("(^|[\\s{,-])id:\\s*\"?" + Pattern.quote(ruleId) + "\"?\\s*([,}#]|$)");
            int seen = 0;
            for (int i = 0; i < lines.length; i++) {
                if (p.matcher(lines[i]).find() && seen++ == nth) return i + 1;
            }
            return 0;
        }

        RulePack merge(String id, RulePack parent, Source files) {
            Map<String, PackItem> items = new LinkedHashMap<>();
            Set<String> dropped = new LinkedHashSet<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            Map<String, String> rules = new LinkedHashMap<>();
            List<String> lineage = new ArrayList<>();
            lineage.add(id);
            if (parent != null) {
                parent.items().forEach(i -> items.put(i.id(), i));
                dropped.addAll(parent.dropped());
                parameters.putAll(parent.parameters());
                parent.rules().forEach((file, text) -> rules.put(file.contains("/") ? file : parent.id() + "/" + file, text));
                lineage.addAll(parent.lineage());
            }
            for (JsonNode d : root.path("drop")) {
                String ruleId = d.asString("");
                if (items.remove(ruleId) == null) {
                    problem(id, lineOf(ruleId), "drop 的条目 " + ruleId + " 不是继承来的条目", "dropped item " + ruleId + " is not inherited");
                }
                dropped.add(ruleId);
            }
            for (JsonNode o : root.path("overrides")) {
                String ruleId = o.path("id").asString("");
                PackItem base = items.get(ruleId);
                if (base == null) {
                    problem(id, lineOfId(ruleId, 0), "overrides 的条目 " + ruleId + " 不是继承来的条目",
                            "overridden item " + ruleId + " is not inherited");
                    continue;
                }
                items.put(ruleId, item(id, o, base, lineOfId(ruleId, 0)));
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            JsonNode itemNodes = root.path("items");
            for (int i = 0; i < itemNodes.size(); i++) {
                JsonNode n = itemNodes.get(i);
                String ruleId = n.path("id").asString("");
                if (ruleId.isBlank()) {
                    problem(id, 0, "items 第 " + (i + 1) + " 项缺少 id", "items[" + i + "] has no id");
                    continue;
                }
                int nth = seen.merge(ruleId, 1, Integer::sum) - 1;
                int line = lineOfId(ruleId, nth);
                if (nth > 0) {
                    problem(id, line, "条目 id 重复 " + ruleId, "duplicate item id " + ruleId);
                    item(id, n, null, line); // still report its other problems
                    continue;
                }
                if (items.containsKey(ruleId)) {
                    problem(id, line, "条目 " + ruleId + " 与继承的条目重名；改写继承条目请用 overrides",
                            "item " + ruleId + " repeats an inherited id; use overrides to change it");
                    continue;
                }
                if (!n.path("points").isNumber()) {
                    problem(id, line, ruleId + " 缺少数值分值 points", ruleId + " has no numeric points");
                }
                items.put(ruleId, item(id, n, null, line));
            }
            root.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asString()));
            for (JsonNode r : root.path("rules")) {
                String file = r.asString();
                Optional<byte[]> bytes = files.apply(file);
                if (bytes.isEmpty()) {
                    problem(id, lineOf(file), "rules 列出的文件不存在 " + file, "listed rule file missing: " + file);
                } else if (DecisionTables.isTable(file)) {
                    rules.putAll(DecisionTables.toDrl(id, file, bytes.get(), problems));
                } else {
                    rules.put(file, new String(bytes.get(), StandardCharsets.UTF_8));
                }
            }
            WorkingCalendar calendar = parent == null ? null : parent.calendar();
            String calendarFile = root.path("calendar").asString("");
            if (!calendarFile.isBlank()) {
                Optional<String> text = files.text(calendarFile);
                if (text.isEmpty()) {
                    problem(id, lineOf("calendar:"), "工作日历文件不存在 " + calendarFile, "calendar file missing: " + calendarFile);
                } else {
                    try {
                        calendar = WorkingCalendar.parse(text.get());
                    } catch (RuntimeException e) {
                        problems.add(new PackProblem(id, calendarFile, 0, "工作日历无法读取：" + e.getMessage(),
                                "calendar unreadable: " + e.getMessage()));
                    }
                }
            }
            double points = items.values().stream().mapToDouble(PackItem::points).sum();
            JsonNode declared = root.path("totalPoints");
            if (declared.isNumber() && Math.abs(declared.asDouble() - points) > 1e-9) {
                problem(id, lineOf("totalPoints:"), "各条目分值合计 " + points + "，与 totalPoints " + declared.asDouble() + " 不符",
                        "item points add up to " + points + ", not totalPoints " + declared.asDouble());
            }
            JsonNode scoringNode = root.path("scoring");
            RulePack.Scoring scoring = parent == null ? RulePack.Scoring.NONE : parent.scoring();
            if (!scoringNode.isMissingNode()) {
                scoring = new RulePack.Scoring(number(scoringNode.path("passMark"), scoring.passMark()),
                        number(scoringNode.path("vetoCap"), scoring.vetoCap()));
            }
            double partialShare = root.path("partialShare").isNumber() ? root.path("partialShare").asDouble()
                    : parent == null ? 0.5 : parent.partialShare();
            if (partialShare < 0 || partialShare > 1) {
                problem(id, lineOf("partialShare:"), "partialShare 须在 0 到 1 之间", "partialShare must be between 0 and 1");
            }
            return new RulePack(id,
                    text("title", id),
                    root.path("region").asString(parent == null ? "" : parent.region()),
                    root.path("year").asInt(parent == null ? 0 : parent.year()),
                    root.path("version").asString("1"),
                    text("source", id),
                    partialShare, parameters, List.copyOf(items.values()), rules, lineage, dropped, calendar, scoring);
        }

        /** An item from its YAML node; with {@code base}, only the keys present override the inherited item. */
        private PackItem item(String packId, JsonNode n, PackItem base, int line) {
            String ruleId = n.path("id").asString();
            CheckMode mode = base == null ? CheckMode.MANUAL : base.check();
            if (n.has("check") || base == null) {
                try {
                    mode = CheckMode.parse(n.path("check").asString(""));
                } catch (IllegalArgumentException e) {
                    problem(packId, line, ruleId + " 的 check 须为 auto/assisted/manual", ruleId + ": check must be auto, assisted or manual");
                }
            }
            double points = n.path("points").isNumber() ? n.path("points").asDouble() : base == null ? 0 : base.points();
            if (points < 0) {
                problem(packId, line, ruleId + " 的分值不能为负", ruleId + ": points must not be negative");
            }
            Double share = n.path("partialShare").isNumber() ? Double.valueOf(n.path("partialShare").asDouble())
                    : base == null ? null : base.partialShare();
            return new PackItem(ruleId,
                    str(n, "item", base == null ? "" : base.item()),
                    str(n, "title", base == null ? "" : base.title()),
                    str(n, "area", base == null ? "" : base.area()),
                    points, mode,
                    str(n, "basis", base == null ? "" : base.basis()),
                    n.has("lead") ? list(n.path("lead")) : base == null ? List.of() : base.lead(),
                    n.has("responsible") ? list(n.path("responsible")) : base == null ? List.of() : base.responsible(),
                    n.has("appliesTo") ? applicability(packId, ruleId, n.path("appliesTo"), line)
                            : base == null ? Applicability.ALL : base.applicability(),
                    n.has("veto") ? n.path("veto").asBoolean(false) : base != null && base.veto(),
                    share);
        }

        private Applicability applicability(String packId, String ruleId, JsonNode a, int line) {
            Set<AgencyType> types = new HashSet<>();
            for (String t : list(a.path("type"))) {
                try {
                    types.add(AgencyType.valueOf(t.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problem(packId, line, ruleId + " 的 appliesTo.type 须为 GOVERNMENT 或 DEPARTMENT：" + t,
                            ruleId + ": appliesTo.type must be GOVERNMENT or DEPARTMENT, not " + t);
                }
            }
            return new Applicability(types, new HashSet<>(list(a.path("tier"))), new HashSet<>(list(a.path("exemptIf"))));
        }

        private static Double number(JsonNode n, Double fallback) {
            return n.isNumber() ? Double.valueOf(n.asDouble()) : fallback;
        }

        private static String str(JsonNode n, String key, String fallback) {
            return n.has(key) ? n.path(key).asString("") : fallback;
        }

        private static List<String> list(JsonNode n) {
            if (n.isMissingNode() || n.isNull()) return List.of();
            if (n.isArray()) {
                List<String> out = new ArrayList<>();
                n.forEach(v -> out.add(v.asString()));
                return out;
            }
            return List.of(n.asString());
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
