package cn.gongkai.app.web;

import cn.gongkai.app.run.StoredRuns;
import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.report.Grade;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The Chinese web pages: start a self-check, follow it, read the result, list and compare runs, packs. */
@Controller
@ConditionalOnWebApplication
class PagesController {

    private static final Set<FindingStatus> TO_FIX = Set.of(FindingStatus.MISSING, FindingStatus.VIOLATION,
            FindingStatus.PARTIAL);

    private final SelfChecks checks;
    private final RunAccess access;
    private final StoredRuns storedRuns;
    private final WebRuns webRuns;
    private final PackLibrary packs;
    private final WebSettings settings;
    private final ApiController api;

    PagesController(SelfChecks checks, RunAccess access, StoredRuns storedRuns, WebRuns webRuns, PackLibrary packs,
                    WebSettings settings, ApiController api) {
        this.checks = checks;
        this.access = access;
        this.storedRuns = storedRuns;
        this.webRuns = webRuns;
        this.packs = packs;
        this.settings = settings;
        this.api = api;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("packs", packs.ids());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("budget", settings.defaultPageBudget());
        model.addAttribute("maxBudget", settings.maxPageBudget());
        model.addAttribute("maxAgencies", settings.maxAgencies());
        return "home";
    }

    @PostMapping("/runs")
    String start(@RequestParam(required = false) String url, @RequestParam(required = false) String name,
                 @RequestParam(required = false) MultipartFile agencies, @RequestParam String pack,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) Integer maxPages, HttpServletRequest request) throws IOException {
        SelfChecks.Request req = new SelfChecks.Request(url, name, null, pack, asOf, maxPages);
        if (agencies != null && !agencies.isEmpty()) {
            if (agencies.getSize() > settings.maxUploadBytes()) {
                throw checks.tooLarge(agencies.getOriginalFilename(), agencies.getSize());
            }
            req = SelfChecks.Request.of(agencies.getOriginalFilename(),
                    checks.readList(agencies.getOriginalFilename(), agencies.getBytes()), pack, asOf, maxPages);
        }
        String id = checks.start(req, access.user(), access.client(request));
        return "redirect:/runs/" + id;
    }

    /** Progress while the run goes (the page polls /api/runs/{id}), the result once it is done. */
    @GetMapping("/runs/{id}")
    String run(@PathVariable String id, Model model) {
        access.check(id);
        SelfChecks.Status status = api.status(id);
        model.addAttribute("status", status);
        if (!"DONE".equals(status.state())) {
            return "progress";
        }
        AuditReport report = storedRuns.loadReviewed(id);
        model.addAttribute("report", report);
        model.addAttribute("agencies", report.agencies().stream().map(PagesController::view).toList());
        model.addAttribute("files", RunAccess.FILES.keySet().stream().sorted().toList());
        model.addAttribute("others", webRuns.list(null, null, null, null, access.ownerFilter()).stream()
                .filter(r -> !r.id().equals(id) && "DONE".equals(r.status()) && r.agencies() != null
                        && report.agencies().stream().anyMatch(a -> r.agencies().contains(a.agency().name())))
                .toList());
        return "result";
    }

    /** One agency's result for the page: score, grade, vetoes, items by area, the fix list. */
    record AgencyView(String name, String url, String score, String maxScore, String percentage, String grade,
                      boolean vetoed, List<Finding> vetoes, Map<String, List<Finding>> byArea, List<Finding> fixes,
                      int rank, boolean reachable, String error) {
    }

    static AgencyView view(AgencyResult r) {
        Map<String, List<Finding>> byArea = r.findings().stream().collect(Collectors.groupingBy(
                f -> f.area() == null || f.area().isBlank() ? "其他" : f.area(), LinkedHashMap::new, Collectors.toList()));
        return new AgencyView(r.agency().name(), r.agency().url(), fmt(r.score()), fmt(r.maxScore()),
                String.format("%.1f", r.percentage()), r.vetoed() ? "不合格（单项否决）" : Grade.of(r.percentage()).label(),
                r.vetoed(), r.findings().stream().filter(Finding::vetoes).toList(), byArea,
                r.findings().stream().filter(f -> TO_FIX.contains(f.status()))
                        .sorted((a, b) -> Double.compare(b.points() - b.awarded(), a.points() - a.awarded())).toList(),
                r.rank(), r.visit().reachable(), r.visit().error());
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 10) / 10.0);
    }

    @GetMapping("/runs/{id}/files/{name}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) {
        var path = access.file(id, name);
        ResponseEntity<Resource> r = ApiController.download(path, MediaType.parseMediaType(RunAccess.FILES.get(name)),
                !name.equals("report.html"));
        if (name.equals("report.html")) {
            // The report holds crawled text: shown sandboxed, no scripts, nothing loaded from elsewhere.
            return ResponseEntity.ok().headers(r.getHeaders())
                    .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                    .body(r.getBody());
        }
        return r;
    }

    @PostMapping("/runs/{id}/resume")
    String resume(@PathVariable String id, HttpServletRequest request) {
        access.check(id);
        checks.resume(id, access.client(request));
        return "redirect:/runs/" + id;
    }

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) String agency, @RequestParam(required = false) String pack,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        model.addAttribute("runs", webRuns.list(agency, pack, from, to, access.ownerFilter()));
        model.addAttribute("pending", webRuns.pendingWithoutRun(access.ownerFilter()));
        model.addAttribute("packs", packs.ids());
        model.addAttribute("agency", agency);
        model.addAttribute("pack", pack);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "runs";
    }

    /** Row of the comparison: one item of one agency in both runs. */
    record ItemChange(String agency, String rule, String item, String title, String before, String after,
                      String beforeAwarded, String afterAwarded, boolean changed) {
    }

    record AgencyChange(String agency, String before, String after, String delta) {
    }

    @GetMapping("/compare")
    String compare(@RequestParam String base, @RequestParam String run, Model model) {
        access.check(base);
        access.check(run);
        AuditReport a = storedRuns.loadReviewed(base);
        AuditReport b = storedRuns.loadReviewed(run);
        Map<String, AgencyResult> before = a.agencies().stream().collect(Collectors.toMap(x -> x.agency().name(), x -> x));
        List<AgencyChange> agencies = new ArrayList<>();
        List<ItemChange> items = new ArrayList<>();
        for (AgencyResult now : b.agencies()) {
            AgencyResult then = before.get(now.agency().name());
            if (then == null) {
                continue;
            }
            agencies.add(new AgencyChange(now.agency().name(), fmt(then.score()), fmt(now.score()),
                    (now.score() >= then.score() ? "+" : "") + fmt(now.score() - then.score())));
            Map<String, Finding> old = then.findings().stream().collect(Collectors.toMap(Finding::rule, f -> f, (x, y) -> x));
            for (Finding f : now.findings()) {
                Finding o = old.get(f.rule());
                items.add(new ItemChange(now.agency().name(), f.rule(), f.item(), f.title(),
                        o == null ? "—" : o.status().label(), f.status().label(), o == null ? "—" : fmt(o.awarded()),
                        fmt(f.awarded()), o == null || o.status() != f.status() || o.awarded() != f.awarded()));
            }
        }
        if (agencies.isEmpty()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "两次测评没有共同的单位，无法比较",
                    "the two runs have no agency in common");
        }
        model.addAttribute("base", a);
        model.addAttribute("run", b);
        model.addAttribute("agencies", agencies);
        model.addAttribute("items", items.stream().filter(ItemChange::changed).toList());
        model.addAttribute("unchanged", items.stream().filter(i -> !i.changed()).count());
        return "compare";
    }

    @GetMapping("/packs")
    String packs(@RequestParam(required = false) String id, Model model) {
        List<RulePack> all = packs.ids().stream().map(packs::resolve).toList();
        model.addAttribute("packs", all);
        RulePack shown = id == null ? null : packs.resolve(id);
        model.addAttribute("shown", shown);
        return "packs";
    }

    @PostMapping("/packs")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (!access.assessor()) {
            throw new WebProblem(HttpStatus.FORBIDDEN, "只有测评人员可以上传规则包", "only assessors may upload packs");
        }
        PackLibrary.Validation v = api.validateUpload(file, true);
        model.addAttribute("validation", v);
        model.addAttribute("fileName", Objects.requireNonNullElse(file.getOriginalFilename(), ""));
        model.addAttribute("packs", packs.ids().stream().map(packs::resolve).toList());
        return "packs";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
