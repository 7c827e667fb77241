package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.fact.UnreadableAttachment;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.PackItem;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a finished run back from its output folder: {@code findings.json} (agencies, scores, ranks, findings
 * with evidence) and the site visits and unreadable attachments of {@code facts.json}. These files are the run's published contract and
 * never change after the run, so {@code rescore} and {@code compare} rebuild exactly what the workbook was
 * written from; the pack's items supply what the JSON leaves out (area, basis). Documents are not read back:
 * no report needs them after scoring.
 */
public final class StoredReport {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredReport() {
    }

    /**
     * The run in {@code outDir}, with the given pack details (title, source, version, partial share, items) as
     * the run's pack states them.
     *
     * @throws UncheckedIOException when {@code findings.json} is missing or unreadable
     */
    public static AuditReport read(Path outDir, String packTitle, String packSource, String packVersion,
                                   double partialShare, List<PackItem> items, Instant startedAt) {
        Path findingsFile = outDir.resolve(ReportWriter.FINDINGS);
        Path factsFile = outDir.resolve(ReportWriter.FACTS);
        JsonReports.FindingsFile findings;
        Map<String, SiteVisit> visits = new HashMap<>();
        Map<String, List<Object>> observations = new HashMap<>();
        try {
            findings = MAPPER.readValue(Files.readAllBytes(findingsFile), JsonReports.FindingsFile.class);
            if (Files.exists(factsFile)) {
                VisitsFile facts = MAPPER.readValue(Files.readAllBytes(factsFile), VisitsFile.class);
                for (AgencyVisit a : facts.agencies()) {
                    JsonReports.VisitJson v = a.visit();
                    if (v != null) {
                        visits.put(a.name(), new SiteVisit(a.url(), v.reachable(), v.pagesFetched(), v.failures(), v.error()));
                    }
                    observations.put(a.name(), unreadableAttachments(a.observations()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取运行结果 / cannot read run outputs " + findingsFile, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("运行结果文件已损坏 / run outputs unreadable: " + findingsFile + ": " + e.getMessage(), e);
        }
        Map<String, PackItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<AgencyResult> agencies = new ArrayList<>();
        for (JsonReports.AgencyFindings a : findings.agencies()) {
            Agency agency = new Agency(a.name(), a.url(), a.type() == null ? AgencyType.DEPARTMENT : AgencyType.valueOf(a.type()),
                    a.tier(), a.disclosureUrls());
            List<Finding> list = new ArrayList<>();
            for (JsonReports.FindingJson f : a.findings()) {
                PackItem item = byId.get(f.rule());
                List<Evidence> evidence = f.evidence() == null ? List.of() : f.evidence().stream()
                        .map(e -> new Evidence(e.url(), e.fetchedAt() == null ? null : Instant.parse(e.fetchedAt()), e.warcRecordId(), null))
                        .toList();
                list.add(new Finding(f.rule(), f.item(), f.title(), item == null ? null : item.area(),
                        f.status() == null ? null : FindingStatus.valueOf(f.status()), f.points(), f.awarded(), evidence,
                        f.explanation()));
            }
            SiteVisit visit = visits.getOrDefault(a.name(), new SiteVisit(a.url(), true, 0, 0, null));
            agencies.add(new AgencyResult(agency, visit, List.of(), observations.getOrDefault(a.name(), List.of()), list,
                    a.score(), a.maxScore(), a.rank(), 0));
        }
        // The tier rank is not in findings.json; it is recomputed the way the audit ranked.
        List<AgencyResult> ranked = cn.gongkai.engine.audit.Audit.ranked(agencies);
        return new AuditReport(findings.runId(), findings.pack(), packTitle, packSource,
                findings.asOf() == null ? null : LocalDate.parse(findings.asOf()), startedAt, ranked, packVersion,
                partialShare, items);
    }

    /**
     * The attachments the audit could not read, as {@code facts.json} wrote them, so a workbook rebuilt by
     * {@code rescore} keeps the 证据 sheet's 读取情况 and its rows for files no finding cites. Other observations
     * are not needed by any report after scoring.
     */
    private static List<Object> unreadableAttachments(List<Map<String, Object>> observations) {
        if (observations == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> o : observations) {
            if (!UnreadableAttachment.class.getSimpleName().equals(o.get("type"))) {
                continue;
            }
            String url = (String) o.get("url");
            String fileName = (String) o.get("fileName");
            Object kind = o.get("kind");
            Object year = o.get("yearCovered");
            Evidence source = null;
            if (o.get("source") instanceof Map<?, ?> e) {
                Object fetchedAt = e.get("fetchedAt");
                source = new Evidence((String) e.get("url"), fetchedAt == null ? null : Instant.parse(fetchedAt.toString()),
                        (String) e.get("warcRecordId"), fileName);
            }
            out.add(new UnreadableAttachment(url, fileName, (String) o.get("linkText"),
                    kind == null ? null : DocumentKind.valueOf(kind.toString()),
                    year instanceof Number n ? n.intValue() : null, (String) o.get("reason"),
                    Boolean.TRUE.equals(o.get("truncated")), source));
        }
        return out;
    }

    /** The part of {@code facts.json} read back: each agency's site visit and unreadable attachments. */
    record VisitsFile(List<AgencyVisit> agencies) {
    }

    record AgencyVisit(String name, String url, JsonReports.VisitJson visit, List<Map<String, Object>> observations) {
    }
}
