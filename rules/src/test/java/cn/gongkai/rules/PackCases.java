package cn.gongkai.rules;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.fact.DocumentDetails;
import cn.gongkai.engine.rule.AgencyAttributes;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.GuideField;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.FindingStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the data-driven rule cases beside each pack ({@code packs/<id>/cases/<RULE-ID>.yaml}): facts in,
 * expected status out. The shipped packs are read from the source tree so a case added there runs at once.
 */
final class PackCases {

    static final Path PACKS = Path.of("src/main/resources/packs");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** One case: an agency's facts on an assessment date, and the status the rule must give. */
    record Case(String packId, String rule, String name, LocalDate asOf, Agency agency, SiteVisit visit,
                List<Document> documents, List<Object> observations, FindingStatus expect, Boolean expectEvidence,
                Boolean expectVetoed, String expectExplanation, Path file) {

        AgencyFacts facts() {
            return new AgencyFacts(agency, visit, documents, observations);
        }

        /** A passing case: full marks, or for an assisted item the candidate evidence found for the assessor. */
        boolean passing() {
            return expect == FindingStatus.MET
                    || (expect == FindingStatus.NEEDS_REVIEW && Boolean.TRUE.equals(expectEvidence));
        }

        @Override
        public String toString() {
            return rule + ": " + name;
        }
    }

    static List<Path> packFolders() throws IOException {
        try (Stream<Path> s = Files.list(PACKS)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).sorted().toList();
        }
    }

    static List<Case> casesOf(Path packFolder) {
        Path dir = packFolder.resolve("cases");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Case> cases = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                cases.addAll(read(packFolder.getFileName().toString(), f));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> read(String packId, Path file) throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file));
        String rule = root.path("rule").asString();
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            AgencyType type = AgencyType.valueOf(c.path("agency").asString("DEPARTMENT"));
            Agency agency = new Agency("测试单位", "http://case.test/", type, c.path("tier").asString(null));
            JsonNode site = c.path("site");
            SiteVisit visit = new SiteVisit("http://case.test/", site.path("reachable").asBoolean(true),
                    site.path("pagesFetched").asInt(20), site.path("failures").asInt(0), site.path("error").asString(null),
                    site.path("interruption").asString(null));
            List<Object> observations = new ArrayList<>();
            if (c.has("flags")) {
                Set<String> flags = new java.util.HashSet<>();
                c.path("flags").forEach(f -> flags.add(f.asString()));
                observations.add(new AgencyAttributes(flags));
            }
            List<Document> documents = new ArrayList<>();
            int n = 0;
            for (JsonNode d : c.path("documents")) {
                DocumentKind kind = DocumentKind.valueOf(d.path("kind").asString());
                DocumentDetails details = new DocumentDetails(d.path("indexNo").asString(null), null, List.of(),
                        d.path("docNo").asString(null), d.path("validity").asString(null), d.path("column").asString(null));
                ++n;
                documents.add(new Document(kind, d.path("title").asString(kind.label()), d.path("url").asString("http://case.test/doc" + n + ".html"),
                        null, null, d.hasNonNull("yearCovered") ? d.path("yearCovered").asInt() : null,
                        date(d, "publishedOn"), date(d, "writtenOn"), fields(d.path("guideFields")),
                        d.path("hasSanGong").asBoolean(false), details));
            }
            int o = 0;
            for (JsonNode obs : c.path("observations")) {
                observations.add(observation(obs, ++o, file));
            }
            cases.add(new Case(packId, rule, c.path("name").asString(), LocalDate.parse(c.path("asOf").asString()),
                    agency, visit, documents, observations, FindingStatus.valueOf(c.path("expect").asString()),
                    c.has("expectEvidence") ? c.path("expectEvidence").asBoolean() : null,
                    c.has("expectVetoed") ? c.path("expectVetoed").asBoolean() : null,
                    c.has("expectExplanation") ? c.path("expectExplanation").asString() : null, file));
        }
        return cases;
    }

    /**
     * A site observation of any fact record, named by its simple class name in {@code type} with its components
     * as keys (e.g. {@code {type: ColumnUpdate, name: 通知公告, itemCount: 20, lastUpdated: 2025-09-01}}). A
     * record with an {@code Evidence source} gets one pointing at a case URL when the case does not give it.
     */
    private static Object observation(JsonNode node, int n, Path file) {
        String type = node.path("type").asString("");
        Class<?> cls;
        try {
            cls = Class.forName("cn.gongkai.engine.fact." + type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(file + ": unknown observation type '" + type + "'", e);
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        boolean hasSource = cls.isRecord() && java.util.Arrays.stream(cls.getRecordComponents())
                .anyMatch(rc -> rc.getName().equals("source") && rc.getType() == Evidence.class);
        if (hasSource && !fields.has("source")) {
            String url = fields.path("url").asString("http://case.test/obs" + n + ".html");
            fields.putObject("source").put("url", url).put("label", type);
        }
        return YAML.treeToValue(fields, cls);
    }

    private static LocalDate date(JsonNode d, String key) {
        return d.hasNonNull(key) ? LocalDate.parse(d.path(key).asString()) : null;
    }

    private static Set<GuideField> fields(JsonNode node) {
        if (node.isString() && node.asString().equals("ALL")) {
            return EnumSet.allOf(GuideField.class);
        }
        Set<GuideField> set = EnumSet.noneOf(GuideField.class);
        node.forEach(f -> set.add(GuideField.valueOf(f.asString())));
        return set;
    }

    private PackCases() {
    }
}
