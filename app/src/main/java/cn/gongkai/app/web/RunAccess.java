package cn.gongkai.app.web;

import cn.gongkai.app.run.RunStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who is asking and what they may see: without accounts everyone is the local assessor; with accounts an
 * {@code AGENCY} user sees only the runs it started, an {@code ASSESSOR} sees all.
 */
@Component
@ConditionalOnWebApplication
class RunAccess {

    /** Files of a run that may be downloaded, with their content types. */
    static final Map<String, String> FILES = Map.of(
            "assessment.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "report.html", "text/html;charset=UTF-8",
            "findings.json", "application/json",
            "facts.json", "application/json",
            "crawl.warc.gz", "application/warc",
            "audit.log", "text/plain;charset=UTF-8");

    private final WebSettings settings;
    private final RunStore store;
    private final WebRuns webRuns;

    RunAccess(WebSettings settings, RunStore store, WebRuns webRuns) {
        this.settings = settings;
        this.store = store;
        this.webRuns = webRuns;
    }

    String user() {
        if (!settings.accounts().enabled()) {
            return "local";
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }

    boolean assessor() {
        if (!settings.accounts().enabled()) {
            return true;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ASSESSOR"));
    }

    /** The owner filter for listings: null (all) for assessors. */
    String ownerFilter() {
        return assessor() ? null : user();
    }

    /** The client whose concurrent runs are counted: the user with accounts, else the remote address. */
    String client(HttpServletRequest request) {
        return settings.accounts().enabled() ? "user:" + user() : "ip:" + request.getRemoteAddr();
    }

    /** Throws 404 unless the run exists and the caller may see it (agency users: their own web runs only). */
    void check(String runId) {
        boolean exists = store.find(runId).isPresent() || webRuns.find(runId).isPresent();
        if (!exists) {
            throw WebProblem.notFound(runId);
        }
        if (!assessor()) {
            boolean own = webRuns.find(runId).map(r -> r.owner().equals(user())).orElse(false);
            if (!own) {
                // 404, not 403: an agency must not learn which other runs exist.
                throw WebProblem.notFound(runId);
            }
        }
    }

    /** A downloadable file of a finished run. */
    Path file(String runId, String name) {
        check(runId);
        if (!FILES.containsKey(name)) {
            throw new WebProblem(HttpStatus.NOT_FOUND, "没有可下载的文件 " + name, "no downloadable file " + name);
        }
        Path dir = store.find(runId).map(r -> Path.of(r.outDir()))
                .orElseThrow(() -> new WebProblem(HttpStatus.CONFLICT, "测评 " + runId + " 尚未开始", "run " + runId + " has not started"));
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new WebProblem(HttpStatus.CONFLICT, "测评 " + runId + " 还没有 " + name + "（测评未完成？）",
                    "run " + runId + " has no " + name + " yet (not finished?)");
        }
        return f;
    }
}
