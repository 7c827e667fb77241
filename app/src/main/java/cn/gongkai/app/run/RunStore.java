package cn.gongkai.app.run;

import cn.gongkai.app.agency.SkippedRow;
import cn.gongkai.crawl.FetchFailure;
import cn.gongkai.engine.fact.UnreadableAttachment;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditListener;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.report.EvidencePage;
import cn.gongkai.report.Review;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Audit runs in the embedded database: each site's pages, facts and findings are written as soon as that
 * site is done, in one transaction per site, so a run that dies later keeps what it had collected.
 */
@Component
public class RunStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RunStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * A stored run, as `runs` lists it; {@code skippedRows}: rows of its agency list that were not audited;
     * {@code sourceRunId}: the run whose archive it was assessed again from ({@code gongkai reassess}), or null.
     */
    public record RunSummary(String id, String packId, LocalDate asOf, String status, Instant startedAt,
                             Instant finishedAt, String outDir, int agencies, int skippedRows, String sourceRunId) {

        public RunSummary(String id, String packId, LocalDate asOf, String status, Instant startedAt,
                          Instant finishedAt, String outDir, int agencies) {
            this(id, packId, asOf, status, startedAt, finishedAt, outDir, agencies, 0, null);
        }
    }

    /**
     * How a run's agency list was read: its file, the agencies taken, and the rows skipped ({@code total} of them;
     * {@code rows} holds at most {@link #MAX_SKIPPED_ROWS_KEPT}).
     */
    public record ListRead(String file, int agencies, int total, List<SkippedRow> rows) {
    }

    /** Skipped rows kept per run: enough to fix a list by, while a 5 MiB upload of junk cannot fill the database. */
    public static final int MAX_SKIPPED_ROWS_KEPT = 1000;

    public void started(String runId, String packId, LocalDate asOf, String outDir) {
        jdbc.sql("INSERT INTO run (id, pack_id, as_of, status, started_at, out_dir) VALUES (?, ?, ?, 'RUNNING', ?, ?)")
                .params(runId, packId, asOf, Timestamp.from(Instant.now()), outDir)
                .update();
    }

    /** Records how the run was started, so {@code audit --resume} can carry on with the same inputs and limits. */
    void startedWith(String runId, String agenciesFile, String packRef, StoredSettings settings) {
        jdbc.sql("UPDATE run SET agencies_file = ?, pack_ref = ?, crawl_settings = ? WHERE id = ?")
                .params(clip(agenciesFile, 2000), clip(packRef, 1000), settings.encode(), runId)
                .update();
    }

    /** What a stored run needs to be resumed. */
    record Resumable(String id, String status, LocalDate asOf, String outDir, String agenciesFile, String packRef,
                     StoredSettings settings, String previousRunId) {
    }

    /** The run {@code runId} as stored, if it exists. */
    java.util.Optional<Resumable> resumable(String runId) {
        return jdbc.sql("SELECT id, status, as_of, out_dir, agencies_file, pack_ref, crawl_settings, previous_run_id FROM run WHERE id = ?")
                .param(runId)
                .query((rs, n) -> new Resumable(rs.getString("id"), rs.getString("status"),
                        rs.getDate("as_of").toLocalDate(), rs.getString("out_dir"), rs.getString("agencies_file"),
                        rs.getString("pack_ref"),
                        rs.getString("crawl_settings") == null ? null : StoredSettings.decode(rs.getString("crawl_settings")),
                        rs.getString("previous_run_id")))
                .optional();
    }

    /**
     * Forgets the per-site rows of a run being resumed: every site is assessed again (from the archive where it
     * was crawled already), and stored again as it finishes.
     */
    void clearSites(String runId) {
        tx.executeWithoutResult(s -> {
            for (String table : List.of("page", "fetch_failure", "fact", "unreadable_attachment", "finding", "run_agency")) {
                jdbc.sql("DELETE FROM " + table + " WHERE run_id = ?").param(runId).update();
            }
            jdbc.sql("UPDATE run SET status = 'RUNNING', finished_at = NULL, error = NULL WHERE id = ?")
                    .param(runId).update();
        });
    }

    public void finished(String runId, String status, String error) {
        jdbc.sql("UPDATE run SET status = ?, finished_at = ?, error = ? WHERE id = ?")
                .params(status, Timestamp.from(Instant.now()), clip(error, 4000), runId)
                .update();
    }

    /** A listener that stores each site as the audit reports it. */
    public AuditListener recorder(String runId) {
        return new AuditListener() {
            @Override
            public void siteCrawled(Agency agency, SiteCrawl crawl, List<ExtractedPage> pages) {
                tx.executeWithoutResult(s -> storeCrawl(runId, agency, crawl, pages));
            }

            @Override
            public void agencyAssessed(AgencyResult result) {
                tx.executeWithoutResult(s -> storeResult(runId, result));
            }
        };
    }

    private void storeCrawl(String runId, Agency agency, SiteCrawl crawl, List<ExtractedPage> extracted) {
        for (int i = 0; i < crawl.pages().size(); i++) {
            FetchedPage p = crawl.pages().get(i);
            String title = i < extracted.size() ? clip(extracted.get(i).title(), 1000) : null;
            jdbc.sql("INSERT INTO page (run_id, agency, url, status, content_type, title, fetched_at, warc_record_id, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, agency.name(), clip(p.url(), 2000), p.status(), clip(p.contentType(), 200), title,
                            Timestamp.from(p.fetchedAt()), p.warcRecordId(), sha256(p.body()))
                    .update();
        }
        for (FetchFailure f : crawl.failures()) {
            jdbc.sql("INSERT INTO fetch_failure (run_id, agency, url, referrer, status, error) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(runId, agency.name(), clip(f.url(), 2000), clip(f.referrer(), 2000), f.status(), clip(f.error(), 1000))
                    .update();
        }
    }

    private void storeResult(String runId, AgencyResult r) {
        Agency a = r.agency();
        jdbc.sql("INSERT INTO run_agency (run_id, name, url, agency_type, tier, reachable, pages_fetched, failures, score, max_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(runId, a.name(), a.url(), a.type().name(), a.tier(), r.visit().reachable(), r.visit().pagesFetched(),
                        r.visit().failures(), r.score(), r.maxScore())
                .update();
        for (Document d : r.documents()) {
            jdbc.sql("INSERT INTO fact (run_id, agency, kind, title, url, year_covered, published_on, written_on, guide_fields, has_san_gong, warc_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, a.name(), d.kind().name(), clip(d.title(), 1000), clip(d.url(), 2000), d.yearCovered(),
                            d.publishedOn(), d.writtenOn(),
                            d.guideFields().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            d.hasSanGong(), d.warcRecordId())
                    .update();
        }
        for (Object o : r.observations()) {
            if (o instanceof UnreadableAttachment u) {
                jdbc.sql("INSERT INTO unreadable_attachment (run_id, agency, url, file_name, link_text, kind, year_covered, reason, truncated, warc_record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(runId, a.name(), clip(u.url(), 2000), clip(u.fileName(), 1000), clip(u.linkText(), 2000),
                                u.kind() == null ? null : u.kind().name(), u.yearCovered(), clip(u.reason(), 4000),
                                u.truncated(), u.source() == null ? null : u.source().warcRecordId())
                        .update();
            }
        }
        for (Finding f : r.findings()) {
            jdbc.sql("INSERT INTO finding (run_id, agency, rule_id, item, status, points, awarded, explanation, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, a.name(), f.rule(), f.item(), f.status().name(), f.points(), f.awarded(),
                            clip(f.explanation(), 4000),
                            clip(f.evidence().stream().map(Evidence::url).collect(Collectors.joining("\n")), 8000))
                    .update();
        }
    }

    /** Stores the final ranks once every agency is in. */
    public void ranked(String runId, List<AgencyResult> results) {
        tx.executeWithoutResult(s -> results.forEach(r ->
                jdbc.sql("UPDATE run_agency SET rank_overall = ?, rank_in_tier = ? WHERE run_id = ? AND name = ?")
                        .params(r.rank(), r.tierRank(), runId, r.agency().name())
                        .update()));
    }

    public List<RunSummary> list() {
        return jdbc.sql("""
                        SELECT r.id, r.pack_id, r.as_of, r.status, r.started_at, r.finished_at, r.out_dir, r.source_run_id,
                               (SELECT COUNT(*) FROM run_agency a WHERE a.run_id = r.id) AS agencies,
                               COALESCE(l.skipped, 0) AS skipped
                        FROM run r LEFT JOIN agency_list_read l ON l.run_id = r.id ORDER BY r.started_at DESC""")
                .query((rs, n) -> new RunSummary(rs.getString("id"), rs.getString("pack_id"),
                        rs.getDate("as_of").toLocalDate(), rs.getString("status"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("out_dir"), rs.getInt("agencies"), rs.getInt("skipped"), rs.getString("source_run_id")))
                .list();
    }

    /** The stored run, if there is one with this id. */
    public Optional<RunSummary> find(String runId) {
        return list().stream().filter(r -> r.id().equals(runId)).findFirst();
    }

    /**
     * Status, SHA-256 and fetch time of the pages of a run that are evidence in {@code report}, by WARC record
     * id. Only evidence pages are kept in memory: a large run holds hundreds of thousands of pages.
     */
    public Map<String, EvidencePage> evidencePages(String runId, AuditReport report) {
        Set<String> wanted = new HashSet<>();
        report.agencies().forEach(a -> a.findings().forEach(f -> f.evidence().forEach(e -> {
            if (e.warcRecordId() != null) {
                wanted.add(e.warcRecordId());
            }
        })));
        // The 证据 sheet lists unreadable attachments no finding cites too.
        report.agencies().forEach(a -> a.observations().stream()
                .filter(UnreadableAttachment.class::isInstance)
                .map(o -> ((UnreadableAttachment) o).source())
                .filter(e -> e != null && e.warcRecordId() != null)
                .forEach(e -> wanted.add(e.warcRecordId())));
        Map<String, EvidencePage> pages = new HashMap<>();
        jdbc.sql("SELECT url, status, content_sha256, fetched_at, warc_record_id FROM page WHERE run_id = ? AND warc_record_id IS NOT NULL")
                .param(runId)
                .query(rs -> {
                    if (!wanted.contains(rs.getString("warc_record_id"))) {
                        return;
                    }
                    pages.put(rs.getString("warc_record_id"), new EvidencePage(rs.getString("warc_record_id"),
                            rs.getString("url"), rs.getInt("status"), rs.getString("content_sha256"),
                            rs.getTimestamp("fetched_at").toInstant()));
                });
        return pages;
    }

    /** Records the run whose archive a reassessed run was assessed from. */
    void reassessedFrom(String runId, String sourceRunId) {
        jdbc.sql("UPDATE run SET source_run_id = ? WHERE id = ?").params(sourceRunId, runId).update();
    }

    /** Records the run a run was compared with. */
    public void previous(String runId, String previousRunId) {
        jdbc.sql("UPDATE run SET previous_run_id = ? WHERE id = ?").params(previousRunId, runId).update();
    }

    /** Stores one round of review, all rows with the same reviewer and time. */
    public void reviewed(String runId, List<Review> reviews, String reviewer, Instant at, String sourceFile) {
        tx.executeWithoutResult(s -> reviews.forEach(r ->
                jdbc.sql("INSERT INTO review (run_id, agency, rule_id, conclusion, status, awarded, note, cell, reviewer, reviewed_at, source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(runId, r.agency(), r.ruleId(), r.conclusion(), r.status().name(), r.awarded(),
                                clip(r.note(), 4000), clip(r.cell(), 200), clip(reviewer, 200), Timestamp.from(at),
                                clip(sourceFile, 1000))
                        .update()));
    }

    /** The latest round of review of a run: who, when, and every conclusion read in that round. */
    public record ReviewRound(String reviewer, Instant at, List<Review> reviews) {
    }

    /** The last stored round of review ({@code rescore} stores whole rounds), if the run was reviewed. */
    public Optional<ReviewRound> latestReview(String runId) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT agency, rule_id, conclusion, status, awarded, note, cell, reviewer, reviewed_at FROM review
                        WHERE run_id = ? AND reviewed_at = (SELECT MAX(reviewed_at) FROM review WHERE run_id = ?)""")
                .params(runId, runId)
                .query((rs, n) -> new Object[]{
                        new Review(rs.getString("agency"), rs.getString("rule_id"), rs.getString("conclusion"),
                                FindingStatus.valueOf(rs.getString("status")), rs.getDouble("awarded"),
                                rs.getString("note"), rs.getString("cell")),
                        rs.getString("reviewer"), rs.getTimestamp("reviewed_at").toInstant()})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReviewRound((String) rows.get(0)[1], (Instant) rows.get(0)[2],
                rows.stream().map(r -> (Review) r[0]).toList()));
    }

    /**
     * Records how the run's agency list was read, replacing what was recorded before (a web run records its upload
     * when it is submitted and the audit records it again when it starts).
     */
    public void listRead(String runId, String file, int agencies, List<SkippedRow> skipped) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM skipped_row WHERE run_id = ?").param(runId).update();
            jdbc.sql("DELETE FROM agency_list_read WHERE run_id = ?").param(runId).update();
            jdbc.sql("INSERT INTO agency_list_read (run_id, file_name, agencies, skipped) VALUES (?, ?, ?, ?)")
                    .params(runId, clip(file == null ? "" : file, 1000), agencies, skipped.size()).update();
            for (int i = 0; i < Math.min(skipped.size(), MAX_SKIPPED_ROWS_KEPT); i++) {
                SkippedRow r = skipped.get(i);
                jdbc.sql("INSERT INTO skipped_row (run_id, seq, sheet, row_no, col_no, cell_value, zh, en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(runId, i + 1, clip(r.sheet(), 200), r.row(), r.column(), clip(r.value(), 2000),
                                clip(r.zh(), 4000), clip(r.en(), 4000))
                        .update();
            }
        });
    }

    /** How the run's agency list was read, if that was recorded (runs before migration V9 have nothing). */
    public Optional<ListRead> listRead(String runId) {
        return jdbc.sql("SELECT file_name, agencies, skipped FROM agency_list_read WHERE run_id = ?").param(runId)
                .query((rs, n) -> new ListRead(rs.getString("file_name"), rs.getInt("agencies"), rs.getInt("skipped"), List.of()))
                .optional()
                .map(l -> new ListRead(l.file(), l.agencies(), l.total(), jdbc.sql(
                                "SELECT sheet, row_no, col_no, cell_value, zh, en FROM skipped_row WHERE run_id = ? ORDER BY seq")
                        .param(runId)
                        .query((rs, n) -> new SkippedRow(l.file(), rs.getString("sheet"), rs.getInt("row_no"),
                                rs.getInt("col_no"), rs.getString("cell_value"), rs.getString("zh"), rs.getString("en")))
                        .list()));
    }

    /** Counts rows of a run in one table; used by tests and the runs listing. */
    public int count(String table, String runId) {
        if (!List.of("page", "fetch_failure", "fact", "unreadable_attachment", "finding", "run_agency", "review").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?").param(runId).query(Integer.class).single();
    }

    private static String sha256(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
