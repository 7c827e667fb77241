package cn.gongkai.engine.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The labelled real pages of {@code src/test/resources/real-pages/} and their hand-read facts ({@code extract/real-pages.yaml}). */
final class RealPages {

    /** One page's labels; {@code kinds} holds {@code kind} and, for the four document kinds, {@code year}. */
    record Label(String file, String title, LocalDate writtenOn, LocalDate publishedOn, String indexNo, String docNo,
                 List<String> issuers, List<Map<String, Object>> kinds) {
    }

    static final Path DIR = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/real-pages").normalize();

    private RealPages() {
    }

    static List<Label> labels() {
        try (InputStream in = RealPages.class.getResourceAsStream("/extract/real-pages.yaml")) {
            Map<String, List<Map<String, Object>>> root = new YAMLMapper().readValue(in, new TypeReference<>() {
            });
            return root.get("pages").stream().map(RealPages::label).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Label label(Map<String, Object> m) {
        return new Label((String) m.get("file"), (String) m.get("title"), date(m.get("writtenOn")),
                date(m.get("publishedOn")), (String) m.get("indexNo"), (String) m.get("docNo"),
                (List<String>) m.getOrDefault("issuers", List.of()), (List<Map<String, Object>>) m.get("kinds"));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }

    static PageSource source(String file) {
        try {
            byte[] body = Files.readAllBytes(DIR.resolve(file));
            String type = file.endsWith(".txt") ? "text/plain" : "text/html";
            return new PageSource("https://example.gov.cn/real-pages/" + file, type, body, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
