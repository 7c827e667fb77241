package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gongkai.engine.fact.AnnualReportContent;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.PolicyInterpretation;
import cn.gongkai.engine.fact.PowerListContent;
import cn.gongkai.engine.fact.SanGongFunds;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the extractor over the fixture sites ({@code fixtures/src/main/resources/sites/<id>/www}) and checks each
 * {@code ground-truth.yaml} document: kind, title, yearCovered, publishedOn (for attachments: the date of the
 * list entry linking them), writtenOn, guideFields, hasSanGong; {@code notDocuments} must yield none of these four
 * kinds.
 */
class FixtureSitesExtractionTest {

    private static final Path SITES = Path.of(System.getProperty("user.dir"))
            .resolve("../fixtures/src/main/resources/sites").normalize();
    private static final String HOST = "http://fixture.example.gov.cn";

    @Test
    void groundTruthDocumentsAreExtracted() throws IOException {
        assertTrue(Files.isDirectory(SITES), "fixture sites not found at " + SITES);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> sites = Files.list(SITES)) {
            for (Path site : sites.filter(p -> Files.exists(p.resolve("ground-truth.yaml"))).sorted().toList()) {
                checked += checkSite(site, mismatches);
            }
        }
        System.out.println("\nfixture sites: " + checked + " ground-truth entries checked, " + mismatches.size()
                + " mismatches");
        mismatches.forEach(m -> System.out.println("    " + m));
        assertThat(mismatches).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static int checkSite(Path site, List<String> mismatches) throws IOException {
        Map<String, Object> truth = new YAMLMapper().readValue(site.resolve("ground-truth.yaml").toFile(),
                new TypeReference<Map<String, Object>>() {
                });
        Path www = site.resolve("www");
        java.util.Properties props = new java.util.Properties();
        try (var reader = Files.newBufferedReader(site.resolve("site.properties"))) {
            props.load(reader);
        }
        String charset = props.getProperty("charset", "UTF-8");
        List<ListEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(www)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                entries.addAll(extract(www, f, charset).listEntries());
            }
        }
        int checked = 0;
        String id = site.getFileName().toString();
        for (Map<String, Object> doc : (List<Map<String, Object>>) truth.getOrDefault("documents", List.of())) {
            checked++;
            String path = (String) doc.get("path");
            Path file = www.resolve(path.substring(1));
            if (!Files.exists(file)) {
                mismatches.add(id + path + ": file missing");
                continue;
            }
            ExtractedPage page = extract(www, file, charset);
            Document d = page.documents().stream().filter(x -> x.kind().name().equals(doc.get("kind"))).findFirst()
                    .orElse(null);
            if (d == null) {
                mismatches.add(id + path + ": expected " + doc.get("kind") + ", got " + page.documents().stream()
                        .map(Document::kind).toList() + " (title " + page.title() + ")");
                continue;
            }
            String where = id + path + " ";
            same(mismatches, where + "title", doc.get("title"), d.title());
            same(mismatches, where + "yearCovered", doc.get("yearCovered"), d.yearCovered());
            Object published = d.publishedOn();
            if (!path.endsWith(".html")) {
                String url = url(path);
                published = entries.stream().filter(e -> e.url().equals(url)).map(ListEntry::date).findFirst()
                        .orElse(null);
            }
            same(mismatches, where + "publishedOn", doc.get("publishedOn"), published);
            if (doc.containsKey("writtenOn")) {
                same(mismatches, where + "writtenOn", doc.get("writtenOn"), d.writtenOn());
            }
            if (doc.containsKey("guideFields")) {
                List<String> actual = d.guideFields().stream().map(Enum::name).sorted().toList();
                List<String> expected = ((List<String>) doc.get("guideFields")).stream().sorted().toList();
                same(mismatches, where + "guideFields", expected, actual);
            }
            if (doc.containsKey("hasSanGong")) {
                same(mismatches, where + "hasSanGong", doc.get("hasSanGong"), d.hasSanGong());
            }
        }
        for (Map<String, Object> not : (List<Map<String, Object>>) truth.getOrDefault("notDocuments", List.of())) {
            checked++;
            String path = (String) not.get("path");
            ExtractedPage page = extract(www, www.resolve(path.substring(1)), charset);
            // Decoys for the four baseline kinds: a news item may still be 政务动态, a 函 nothing at all.
            if (page.documents().stream().anyMatch(d -> d.kind().baseline())) {
                mismatches.add(id + path + ": expected no 指南/年报/预算/决算, got " + page.documents().stream()
                        .map(Document::kind).toList());
            }
        }
        for (Map<String, Object> extra : (List<Map<String, Object>>) truth.getOrDefault("extraFacts", List.of())) {
            checked++;
            checkExtra(id, www, charset, extra, mismatches);
        }
        return checked;
    }

    /** An {@code extraFacts} entry: a page of a non-baseline kind with its details and content checks. */
    @SuppressWarnings("unchecked")
    private static void checkExtra(String id, Path www, String charset, Map<String, Object> extra,
                                   List<String> mismatches) throws IOException {
        String path = (String) extra.get("path");
        String where = id + path + " ";
        if (!Files.exists(www.resolve(path.substring(1)))) {
            mismatches.add(where + "file missing");
            return;
        }
        ExtractedPage page = extract(www, www.resolve(path.substring(1)), charset);
        Document d = page.documents().stream().filter(x -> x.kind().name().equals(extra.get("kind"))).findFirst()
                .orElse(null);
        if (d == null) {
            mismatches.add(where + "expected " + extra.get("kind") + ", got " + page.documents().stream()
                    .map(Document::kind).toList() + " (title " + page.title() + ")");
            return;
        }
        if (extra.containsKey("yearCovered")) {
            same(mismatches, where + "yearCovered", extra.get("yearCovered"), d.yearCovered());
        }
        for (String field : List.of("publishedOn", "writtenOn")) {
            if (extra.containsKey(field)) {
                same(mismatches, where + field, extra.get(field),
                        field.equals("publishedOn") ? d.publishedOn() : d.writtenOn());
            }
        }
        var details = d.details();
        Map<String, Object> actualDetails = Map.of("indexNo", Objects.toString(details.indexNo()),
                "docNo", Objects.toString(details.docNo()), "validity", Objects.toString(details.validity()),
                "issuers", details.issuers());
        for (String field : List.of("indexNo", "docNo", "validity", "issuers")) {
            if (extra.containsKey(field)) {
                same(mismatches, where + field, extra.get(field), actualDetails.get(field));
            }
        }
        if (extra.containsKey("sanGong")) {
            List<String> expected = ((List<Map<String, Object>>) extra.get("sanGong")).stream()
                    .map(m -> m.get("flavour") + ":" + m.get("year") + ":" + m.get("unit") + ":" + m.get("items") + ":"
                            + m.get("changesExplained")).toList();
            List<String> actual = page.facts().stream().filter(f -> f instanceof SanGongFunds).map(f -> (SanGongFunds) f)
                    .map(f -> f.flavour() + ":" + f.year() + ":" + f.unit() + ":" + f.items().size() + ":"
                            + f.changesExplained()).toList();
            same(mismatches, where + "sanGong", expected, actual);
        }
        if (extra.containsKey("powerListFields")) {
            Object actual = page.facts().stream().filter(f -> f instanceof PowerListContent)
                    .map(f -> ((PowerListContent) f).fields().stream().map(Enum::name).sorted().toList()).findFirst()
                    .orElse(null);
            same(mismatches, where + "powerListFields",
                    ((List<String>) extra.get("powerListFields")).stream().sorted().toList(), actual);
        }
        if (extra.containsKey("interprets")) {
            Object actual = page.facts().stream().filter(f -> f instanceof PolicyInterpretation)
                    .map(f -> ((PolicyInterpretation) f).policyUrl()).findFirst().orElse(null);
            same(mismatches, where + "interprets", url((String) extra.get("interprets")), actual);
        }
        if (extra.containsKey("annualReportSections")) {
            AnnualReportContent c = page.facts().stream().filter(f -> f instanceof AnnualReportContent)
                    .map(f -> (AnnualReportContent) f).findFirst().orElse(null);
            same(mismatches, where + "annualReportSections",
                    ((List<String>) extra.get("annualReportSections")).stream().sorted().toList(),
                    c == null ? null : c.sections().stream().map(Enum::name).sorted().toList());
            same(mismatches, where + "tablesAddUp", extra.get("tablesAddUp"), c == null ? null : c.tablesAddUp());
        }
        if (extra.containsKey("columnItems")) {
            same(mismatches, where + "columnItems", extra.get("columnItems"), page.listEntries().size());
        }
    }

    private static void same(List<String> mismatches, String what, Object expected, Object actual) {
        String e = expected == null ? null : expected.toString();
        String a = actual == null ? null : actual.toString();
        if (!Objects.equals(e, a)) {
            mismatches.add(what + ": expected " + e + ", got " + a);
        }
    }

    /** As the fixture server serves it: HTML kept in UTF-8 is transcoded to the site's charset (GB2312 → GB18030). */
    private static ExtractedPage extract(Path www, Path file, String charset) throws IOException {
        String rel = "/" + www.relativize(file).toString().replace('\\', '/');
        byte[] body = Files.readAllBytes(file);
        String type = null;
        if (rel.endsWith(".html")) {
            java.nio.charset.Charset wire = charset.toLowerCase().startsWith("gb")
                    ? java.nio.charset.Charset.forName("GB18030") : java.nio.charset.Charset.forName(charset);
            body = new String(body, java.nio.charset.StandardCharsets.UTF_8).getBytes(wire);
            type = "text/html; charset=" + charset;
        }
        return new PageExtractor().extract(new PageSource(url(rel), type, body, null, null));
    }

    /** The URL a crawler would see: path segments percent-encoded as UTF-8. */
    private static String url(String path) {
        return URI.create(HOST).resolve(new URI_PATH(path).encoded()).toString();
    }

    private record URI_PATH(String path) {
        String encoded() {
            try {
                return new URI(null, null, path, null).getRawPath();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
