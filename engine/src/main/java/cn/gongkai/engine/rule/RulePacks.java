package cn.gongkai.engine.rule;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads rule packs: from a folder an assessor edits, or from the packs shipped on the classpath
 * ({@code packs/<id>/}, listed in {@code packs/index.txt}). Loading checks what can be checked without
 * compiling DRL: required keys, unique ids, points, listed files present.
 */
public final class RulePacks {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String INDEX = "packs/index.txt";

    private RulePacks() {
    }

    /** Loads the pack in {@code folder} ({@code pack.yaml} plus the DRL files it lists). */
    public static RulePack load(Path folder) {
        return parse(folder.getFileName().toString(), name -> {
            Path file = folder.resolve(name);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Loads a pack shipped on the classpath under {@code packs/<id>/}. */
    public static RulePack loadShipped(String id) {
        if (!shippedIds().contains(id)) {
            throw new PackException(id, INDEX, "未知的规则包，可用：" + shippedIds(), "unknown pack; known: " + shippedIds());
        }
        return parse(id, name -> readResource("packs/" + id + "/" + name));
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

    private static Optional<String> readResource(String name) {
        try (InputStream in = RulePacks.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RulePack parse(String folderName, Function<String, Optional<String>> files) {
        String yaml = files.apply("pack.yaml").orElseThrow(() ->
                new PackException(folderName, "pack.yaml", "找不到 pack.yaml", "pack.yaml not found"));
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new PackException(folderName, "pack.yaml", "YAML 格式错误：" + e.getOriginalMessage(),
                    "malformed YAML: " + e.getOriginalMessage());
        }
        String id = text(root, "id", folderName, "pack.yaml");
        List<String> problems = new ArrayList<>();
        List<PackItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode itemNodes = root.path("items");
        for (int i = 0; i < itemNodes.size(); i++) {
            JsonNode n = itemNodes.get(i);
            String where = "items[" + i + "]";
            String ruleId = n.path("id").asString("");
            if (ruleId.isBlank()) {
                problems.add(where + " 缺少 id / missing id");
                continue;
            }
            if (!ids.add(ruleId)) {
                problems.add(where + " id 重复 " + ruleId + " / duplicate id");
            }
            if (!n.path("points").isNumber()) {
                problems.add(where + " (" + ruleId + ") 缺少分值 points / missing numeric points");
            }
            CheckMode mode;
            try {
                mode = CheckMode.parse(n.path("check").asString(""));
            } catch (IllegalArgumentException e) {
                problems.add(where + " (" + ruleId + ") check 须为 auto/assisted/manual / check must be auto, assisted or manual");
                mode = CheckMode.MANUAL;
            }
            items.add(new PackItem(ruleId, n.path("item").asString(""), n.path("title").asString(""),
                    n.path("area").asString(""), n.path("points").asDouble(0), mode, n.path("basis").asString("")));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        root.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asString()));
        Map<String, String> rules = new LinkedHashMap<>();
        for (JsonNode r : root.path("rules")) {
            String name = r.asString();
            files.apply(name).ifPresentOrElse(text -> rules.put(name, text),
                    () -> problems.add("rules 列出的文件不存在 " + name + " / listed rule file missing"));
        }
        if (!problems.isEmpty()) {
            throw new PackException(id, "pack.yaml", String.join("；", problems), problems.size() + " problem(s)");
        }
        return new RulePack(id,
                text(root, "title", id, "pack.yaml"),
                root.path("region").asString(""),
                root.path("year").asInt(0),
                root.path("version").asString("1"),
                text(root, "source", id, "pack.yaml"),
                root.path("partialShare").asDouble(0.5),
                parameters, items, rules);
    }

    private static String text(JsonNode root, String key, String packId, String file) {
        String value = root.path(key).asString("");
        if (value.isBlank()) {
            throw new PackException(packId, file, "缺少字段 " + key, "missing key " + key);
        }
        return value;
    }
}
