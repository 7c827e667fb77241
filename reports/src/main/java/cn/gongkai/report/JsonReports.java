package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentDetails;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.GuideField;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.Finding;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code findings.json} and {@code facts.json}, shaped as the output-folder contract in the design says. The
 * shapes are declared as records below so the contract reads in one place; dates and instants are ISO-8601
 * strings, {@code status} and {@code type} are enum names, and unknown values are written as {@code null}
 * rather than left out.
 */
final class JsonReports {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    record FindingsFile(String pack, String asOf, String runId, List<AgencyFindings> agencies) {
    }

    record AgencyFindings(String name, String url, List<String> disclosureUrls, String tier, String type, double score,
                          double maxScore, int rank, boolean vetoed, List<FindingJson> findings) {
    }

    record FindingJson(String rule, String item, String title, String status, double points, double awarded,
                       List<EvidenceJson> evidence, String explanation) {
    }

    record EvidenceJson(String url, String fetchedAt, String warcRecordId) {
    }

    record FactsFile(String pack, String asOf, List<AgencyFacts> agencies) {
    }

    record AgencyFacts(String name, String url, VisitJson visit, List<FactJson> facts,
                       List<Map<String, Object>> observations) {
    }

    record VisitJson(boolean reachable, int pagesFetched, int failures, String error) {
    }

    record FactJson(String kind, String title, String url, String fetchedAt, String warcRecordId,
                    Integer yearCovered, String publishedOn, String writtenOn, List<String> guideFields,
                    boolean hasSanGong, DetailsJson details, IssuerJson issuer, AttributionJson attribution) {
    }

    /** The issuing unit as the page names it and where ({@code METADATA}, {@code SIGNATURE} …); null when none. */
    record IssuerJson(String name, String source) {
    }

    /** Present only when the document's unit is uncertain: {@code {status: "UNCERTAIN", reason}}. */
    record AttributionJson(String status, String reason) {
    }

    /** The metadata block beyond dates; {@code null} when the page shows none of it. */
    record DetailsJson(String indexNo, String topic, List<String> issuers, String docNo, String validity,
                       String columnName) {
    }

    private JsonReports() {
    }

    static FindingsFile findings(AuditReport report) {
        return new FindingsFile(report.packId(), iso(report.asOf()), report.runId(),
                report.agencies().stream().map(JsonReports::agencyFindings).toList());
    }

    static FactsFile facts(AuditReport report) {
        return new FactsFile(report.packId(), iso(report.asOf()),
                report.agencies().stream().map(JsonReports::agencyFacts).toList());
    }

    /** Writes the file complete or not at all ({@link AtomicFile}), like the workbook. */
    static void write(Object document, Path file) throws IOException {
        AtomicFile.write(file, out -> MAPPER.writeValue(out, document));
    }

    private static AgencyFindings agencyFindings(AgencyResult a) {
        return new AgencyFindings(a.agency().name(), a.agency().url(), a.agency().disclosureUrls(), a.agency().tier(),
                a.agency().type() == null ? null : a.agency().type().name(), a.score(), a.maxScore(), a.rank(),
                a.vetoed(), a.findings().stream().map(JsonReports::finding).toList());
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule(), f.item(), f.title(), f.status() == null ? null : f.status().name(),
                f.points(), f.awarded(), f.evidence().stream().map(JsonReports::evidence).toList(),
                f.explanation());
    }

    private static EvidenceJson evidence(Evidence e) {
        return new EvidenceJson(e.url(), iso(e.fetchedAt()), e.warcRecordId());
    }

    private static AgencyFacts agencyFacts(AgencyResult a) {
        SiteVisit v = a.visit();
        VisitJson visit = v == null ? null : new VisitJson(v.reachable(), v.pagesFetched(), v.failures(), v.error());
        return new AgencyFacts(a.agency().name(), a.agency().url(), visit,
                a.documents().stream().map(JsonReports::fact).toList(),
                a.observations().stream().map(JsonReports::observation).toList());
    }

    private static FactJson fact(Document d) {
        List<String> fields = d.guideFields().stream().sorted().map(GuideField::name).toList();
        return new FactJson(d.kind() == null ? null : d.kind().name(), d.title(), d.url(), iso(d.fetchedAt()),
                d.warcRecordId(), d.yearCovered(), iso(d.publishedOn()), iso(d.writtenOn()), fields,
                d.hasSanGong(), details(d.details()),
                d.issuer().known() ? new IssuerJson(d.issuer().name(), d.issuer().source().name()) : null,
                d.attribution().own() ? null
                        : new AttributionJson(d.attribution().status().name(), d.attribution().reason()));
    }

    private static DetailsJson details(DocumentDetails d) {
        if (d == null || d.equals(DocumentDetails.NONE)) {
            return null;
        }
        return new DetailsJson(d.indexNo(), d.topic(), d.issuers(), d.docNo(), d.validity(), d.columnName());
    }

    /**
     * A site-level fact as {@code {type: "ColumnUpdate", …its components}}: records are written component by
     * component (dates ISO, enums by name, {@link Evidence} as url/fetchedAt/warcRecordId).
     */
    static Map<String, Object> observation(Object fact) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", fact.getClass().getSimpleName());
        if (fact instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), plain(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + fact, e);
                }
            }
        } else {
            out.put("value", String.valueOf(fact));
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Evidence e) {
            return evidence(e);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Temporal t) {
            return iso(t);
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(JsonReports::plain).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
        }
        return String.valueOf(v);
    }

    private static String iso(Temporal t) {
        return Objects.toString(t, null);
    }
}
