package cn.gongkai.app.web;

import cn.gongkai.app.run.RunStore;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.rule.PackProblem;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.app.agency.Addresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The REST API: start self-checks, follow them, fetch their results; list and validate packs. */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
@Tag(name = "gongkai", description = "政务公开自查 / self-check API")
class ApiController {

    /**
     * One agency of a list given in the request: {@code url} is its 网站地址 (portal home page or its column on a shared
     * platform), {@code disclosureUrls} its 信息公开地址 when they differ; addresses without a scheme get {@code http://}.
     */
    record AgencyRef(
            @Schema(description = "单位名称 / agency name", example = "湘江市青山县教育局") String name,
            @Schema(description = "网站地址：门户首页或集约化平台上的本单位栏目 / home page or the agency's column on a shared platform",
                    example = "http://xxgk.qingshan.gov.cn/xxgk/jyj/") String url,
            @Schema(description = "单位类型：政府 或 部门 / GOVERNMENT or DEPARTMENT", example = "部门") String type,
            @Schema(description = "层级（排名分组）/ ranking tier", example = "部门") String tier,
            @Schema(description = "信息公开地址（可多个）/ the agency's 政府信息公开 entries where they differ from url",
                    example = "[\"http://xxgk.qingshan.gov.cn/xxgk/jyj/zfxxgkzn/\"]") List<String> disclosureUrls) {
    }

    /** {@code url} (one site) or {@code agencies}; {@code asOf} defaults to today, {@code maxPages} to the server's. */
    record RunRequest(String url, String name, List<AgencyRef> agencies, String pack, LocalDate asOf, Integer maxPages) {
    }

    record Started(String id, String status, String statusUrl) {
    }

    record PackInfo(String id, String title, String version, int items, double totalPoints, boolean uploaded) {
    }

    record ValidationResult(boolean valid, String id, int items, double totalPoints) {
    }

    private final SelfChecks checks;
    private final RunAccess access;
    private final RunStore store;
    private final PackLibrary packs;

    ApiController(SelfChecks checks, RunAccess access, RunStore store, PackLibrary packs) {
        this.checks = checks;
        this.access = access;
        this.store = store;
        this.packs = packs;
    }

    @Operation(summary = "发起自查 / start a self-check", description = "202 with the run id; follow GET /api/runs/{id}")
    @PostMapping(value = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Started> start(@RequestBody RunRequest body, HttpServletRequest request) {
        List<Agency> agencies = body.agencies() == null ? null : body.agencies().stream().map(ApiController::agency).toList();
        if (agencies != null && agencies.isEmpty()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "单位名单为空", "the agency list is empty");
        }
        String id = checks.start(new SelfChecks.Request(body.url(), body.name(), agencies, body.pack(), body.asOf(),
                body.maxPages()), access.user(), access.client(request));
        String url = "/api/runs/" + id;
        return ResponseEntity.accepted().location(URI.create(url)).body(new Started(id, "QUEUED", url));
    }

    @Operation(summary = "上传单位名单发起自查 / start a self-check of an uploaded agency list (CSV/XLSX)",
            description = "202 with the run id; rows that cannot be used are skipped and listed in GET /api/runs/{id} "
                    + "(agencyList.skippedRows); a list with no usable row is a 400 problem naming the file and each row")
    @PostMapping(value = "/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Started> upload(@RequestParam("agencies") MultipartFile agencies, @RequestParam String pack,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(required = false) Integer maxPages,
                                   HttpServletRequest request) throws IOException {
        if (agencies.isEmpty()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "请选择要上传的单位名单", "no agency list uploaded");
        }
        if (agencies.getSize() > checks.maxUploadBytes()) {
            throw checks.tooLarge(agencies.getOriginalFilename(), agencies.getSize());
        }
        String file = agencies.getOriginalFilename();
        String id = checks.start(SelfChecks.Request.of(file, checks.readList(file, agencies.getBytes()), pack, asOf,
                maxPages), access.user(), access.client(request));
        String url = "/api/runs/" + id;
        return ResponseEntity.accepted().location(URI.create(url)).body(new Started(id, "QUEUED", url));
    }

    private static Agency agency(AgencyRef a) {
        if (a == null || a.name() == null || a.name().isBlank() || a.url() == null || a.url().isBlank()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "单位名单中每个单位都要有 name 和 url",
                    "every agency in the list needs a name and a url");
        }
        AgencyType type = a.type() == null || a.type().isBlank() ? AgencyType.DEPARTMENT : AgencyType.fromLabel(a.type());
        List<String> disclosure = a.disclosureUrls() == null ? List.of() : a.disclosureUrls().stream()
                .filter(u -> u != null && !u.isBlank()).map(Addresses::withScheme).toList();
        return new Agency(a.name().strip(), Addresses.withScheme(a.url()), type == null ? AgencyType.DEPARTMENT : type,
                a.tier(), disclosure);
    }

    @Operation(summary = "测评状态与进度 / run status and progress")
    @GetMapping("/runs/{id}")
    SelfChecks.Status status(@PathVariable String id) {
        access.check(id);
        return checks.status(id).orElseGet(() -> store.find(id).map(r -> new SelfChecks.Status(r.id(), r.status(),
                        SelfChecks.label(r.status()), r.outDir(), r.packId(), r.asOf(), r.agencies(), r.agencies(),
                        store.count("page", id), store.count("fetch_failure", id), List.of(), null, false,
                        checks.listRead(id)))
                .orElseThrow(() -> WebProblem.notFound(id)));
    }

    @Operation(summary = "恢复中断的测评 / resume an interrupted run")
    @PostMapping("/runs/{id}/resume")
    ResponseEntity<Started> resume(@PathVariable String id, HttpServletRequest request) {
        access.check(id);
        checks.resume(id, access.client(request));
        return ResponseEntity.accepted().body(new Started(id, "QUEUED", "/api/runs/" + id));
    }

    @Operation(summary = "测评结果 findings.json / the run's findings")
    @GetMapping(value = "/runs/{id}/findings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> findings(@PathVariable String id) {
        return download(access.file(id, "findings.json"), MediaType.APPLICATION_JSON, false);
    }

    @Operation(summary = "测评表 assessment.xlsx / the workbook")
    @GetMapping("/runs/{id}/workbook")
    ResponseEntity<Resource> workbook(@PathVariable String id) {
        return download(access.file(id, "assessment.xlsx"),
                MediaType.parseMediaType(RunAccess.FILES.get("assessment.xlsx")), true);
    }

    static ResponseEntity<Resource> download(Path file, MediaType type, boolean attachment) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(type);
        if (attachment) {
            b.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"");
        }
        return b.header("X-Content-Type-Options", "nosniff").body(new FileSystemResource(file));
    }

    @Operation(summary = "规则包列表 / the rule packs")
    @GetMapping("/packs")
    List<PackInfo> packs() {
        return packs.ids().stream().map(id -> {
            RulePack p = packs.resolve(id);
            return new PackInfo(p.id(), p.title(), p.version(), p.items().size(), p.totalPoints(), packs.uploaded(id));
        }).toList();
    }

    @Operation(summary = "校验规则包（zip 或 pack.yaml）/ validate a pack",
            description = "200 when usable; 422 problem details listing every error with file and line")
    @PostMapping(value = "/packs/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> validate(@RequestParam("file") MultipartFile file, HttpServletRequest request) throws IOException {
        PackLibrary.Validation v = validateUpload(file, false);
        if (v.valid()) {
            return ResponseEntity.ok(new ValidationResult(true, v.id(), v.pack().items().size(), v.pack().totalPoints()));
        }
        WebProblem p = new WebProblem(HttpStatus.valueOf(422), "规则包 " + v.id() + " 有 " + v.problems().size() + " 处问题",
                "pack " + v.id() + " has " + v.problems().size() + " problem(s)",
                v.problems().stream().map(PackProblem::toString).toList());
        ProblemDetail d = WebErrors.detail(p, request.getRequestURI());
        d.setProperty("problems", v.problems().stream().map(x -> Map.of("file", x.file(), "line", x.line(),
                "zh", x.chinese(), "en", x.english())).toList());
        return ResponseEntity.status(422).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(d);
    }

    PackLibrary.Validation validateUpload(MultipartFile file, boolean install) throws IOException {
        if (file.isEmpty()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "请选择要上传的文件", "no file uploaded");
        }
        if (file.getSize() > checks.maxUploadBytes()) {
            throw checks.tooLarge(file.getOriginalFilename(), file.getSize());
        }
        return packs.validate(file.getOriginalFilename(), file.getBytes(), install);
    }
}
