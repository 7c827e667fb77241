package cn.gongkai.app.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code web_run} table: who started a web run, and its progress as last saved. */
@Component
class WebRuns {

    /** One web run as stored. {@code state}: QUEUED, RUNNING, DONE, FAILED, INTERRUPTED. */
    record Row(String runId, String owner, String client, String target, String packRef, LocalDate asOf, int maxPages,
               String state, int sitesTotal, int sitesDone, long pages, long failures, String currentSite,
               String error, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    WebRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String runId, String owner, String client, String target, String packRef, LocalDate asOf,
                int maxPages, int sites) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO web_run (run_id, owner, client, target, pack_ref, as_of, max_pages, state, sites_total,
                                             sites_done, pages, failures, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, 0, 0, ?, ?)""")
                .params(runId, clip(owner, 200), clip(client, 200), clip(target, 2000), clip(packRef, 1000), asOf,
                        maxPages, sites, now, now)
                .update();
    }

    void progress(String runId, String state, int sitesDone, long pages, long failures, String currentSite) {
        jdbc.sql("UPDATE web_run SET state = ?, sites_done = ?, pages = ?, failures = ?, current_site = ?, updated_at = ? WHERE run_id = ?")
                .params(state, sitesDone, pages, failures, clip(currentSite, 2000), Timestamp.from(Instant.now()), runId)
                .update();
    }

    void ended(String runId, String state, String error) {
        jdbc.sql("UPDATE web_run SET state = ?, error = ?, current_site = NULL, updated_at = ? WHERE run_id = ?")
                .params(state, clip(error, 4000), Timestamp.from(Instant.now()), runId)
                .update();
    }

    /**
     * Runs left QUEUED or RUNNING by a process that stopped: they are marked INTERRUPTED (in the run table too)
     * and can be resumed. Returns how many.
     */
    int markInterrupted() {
        List<String> ids = jdbc.sql("SELECT run_id FROM web_run WHERE state IN ('QUEUED', 'RUNNING')")
                .query(String.class).list();
        for (String id : ids) {
            ended(id, "INTERRUPTED", "服务重启时测评未完成，可恢复 / the server stopped during the run; it can be resumed");
            jdbc.sql("UPDATE run SET status = 'INTERRUPTED' WHERE id = ? AND status = 'RUNNING'").param(id).update();
        }
        return ids.size();
    }

    Optional<Row> find(String runId) {
        return jdbc.sql("SELECT * FROM web_run WHERE run_id = ?").param(runId).query(WebRuns::row).optional();
    }

    /** Listing row: a stored run (command line or web) with its web part when it has one. */
    record Listed(String id, String packId, LocalDate asOf, String status, Instant startedAt, String target,
                  String owner, String agencies) {
    }

    /**
     * Runs newest first, filtered by agency (name or URL contains), pack id, and start day; {@code owner} limits
     * the list to one owner's web runs (agency accounts).
     */
    List<Listed> list(String agency, String pack, LocalDate from, LocalDate to, String owner) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, r.pack_id, r.as_of, COALESCE(w.state, r.status) AS status, r.started_at, w.target, w.owner,
                       (SELECT STRING_AGG(a.name, '、' ORDER BY a.name) FROM run_agency a WHERE a.run_id = r.id) AS agencies
                FROM run r LEFT JOIN web_run w ON w.run_id = r.id WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (agency != null && !agency.isBlank()) {
            sql.append(" AND (LOWER(COALESCE(w.target, '')) LIKE ? OR EXISTS (SELECT 1 FROM run_agency a WHERE a.run_id = r.id AND (LOWER(a.name) LIKE ? OR LOWER(a.url) LIKE ?)))");
            String like = "%" + agency.strip().toLowerCase() + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (pack != null && !pack.isBlank()) {
            sql.append(" AND r.pack_id = ?");
            params.add(pack.strip());
        }
        if (from != null) {
            sql.append(" AND r.started_at >= ?");
            params.add(Timestamp.valueOf(from.atStartOfDay()));
        }
        if (to != null) {
            sql.append(" AND r.started_at < ?");
            params.add(Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
        }
        if (owner != null) {
            sql.append(" AND w.owner = ?");
            params.add(owner);
        }
        sql.append(" ORDER BY r.started_at DESC");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("pack_id"),
                        rs.getDate("as_of").toLocalDate(), rs.getString("status"),
                        rs.getTimestamp("started_at").toInstant(), rs.getString("target"), rs.getString("owner"),
                        rs.getString("agencies")))
                .list();
    }

    /** Web runs not yet in the run table (queued a moment ago): shown too. */
    List<Row> pendingWithoutRun(String owner) {
        return jdbc.sql("SELECT * FROM web_run w WHERE NOT EXISTS (SELECT 1 FROM run r WHERE r.id = w.run_id)"
                        + (owner == null ? "" : " AND w.owner = ?"))
                .params(owner == null ? List.of() : List.of(owner))
                .query(WebRuns::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("run_id"), rs.getString("owner"), rs.getString("client"), rs.getString("target"),
                rs.getString("pack_ref"), rs.getDate("as_of").toLocalDate(), rs.getInt("max_pages"),
                rs.getString("state"), rs.getInt("sites_total"), rs.getInt("sites_done"), rs.getLong("pages"),
                rs.getLong("failures"), rs.getString("current_site"), rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
