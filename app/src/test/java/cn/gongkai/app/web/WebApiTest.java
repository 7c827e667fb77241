package cn.gongkai.app.web;

import cn.gongkai.app.run.RunStore;
import cn.gongkai.crawl.TargetPolicy;
import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of the web app and the REST API, and their errors, over MockMvc: a real self-check of a
 * fixture site on loopback (allowed here explicitly), SSRF refusals with names resolving to private addresses,
 * limits, pack validation, interrupted runs.
 */
@SpringBootTest(properties = {
        "spring.main.web-application-type=servlet",
        "gongkai.data-dir=./target/web-api-test/${random.uuid}",
        "gongkai.web.allow-loopback-targets=true",
        "gongkai.web.delay-ms=0",
        "gongkai.web.max-agencies=3",
        "gongkai.web.max-upload-bytes=100000",
        "gongkai.web.max-page-budget=100",
        "gongkai.web.default-page-budget=40",
})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiTest {

    /** Names the tests resolve without DNS: one public, two private. */
    @TestConfiguration
    static class Names {
        @Bean
        TargetPolicy.Resolver resolver() {
            return host -> switch (host) {
                case "oa.intranet.example" -> new InetAddress[]{InetAddress.getByName("10.0.0.1")};
                case "meta.example" -> new InetAddress[]{InetAddress.getByName("169.254.169.254")};
                default -> {
                    if (!host.matches("[0-9a-fA-F:.]+")) {
                        throw new UnknownHostException(host);
                    }
                    yield new InetAddress[]{InetAddress.getByName(host)};
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SelfChecks checks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunStore store;

    private final JsonMapper json = JsonMapper.builder().build();
    private FixtureServer fixtures;
    private String site;

    @BeforeAll
    void fixtures() {
        fixtures = FixtureServer.start();
        site = fixtures.siteUrl(fixtures.sites().get(0).id()).toString();
    }

    @AfterAll
    void stop() {
        fixtures.close();
    }

    private String startRun(String body) throws Exception {
        MvcResult r = mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn();
        String id = json.readTree(r.getResponse().getContentAsString()).path("id").asString();
        checks.awaitEnd(id, Duration.ofMinutes(2));
        return id;
    }

    @Test
    void aSelfCheckRunsToTheEndAndEveryResultCanBeFetched() throws Exception {
        String id = startRun("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"2025-09-30\",\"maxPages\":40}");

        mvc.perform(get("/api/runs/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.stateLabel").value("已完成"))
                .andExpect(jsonPath("$.sitesDone").value(1))
                .andExpect(jsonPath("$.asOf").value("2025-09-30"));
        JsonNode status = json.readTree(mvc.perform(get("/api/runs/" + id)).andReturn().getResponse().getContentAsString());
        assertThat(status.path("pages").asLong()).isPositive();

        mvc.perform(get("/api/runs/" + id + "/findings")).andExpect(status().isOk())
                .andExpect(jsonPath("$.pack").value("cn-regulation-2019"))
                .andExpect(jsonPath("$.agencies[0].url").value(site));
        byte[] xlsx = mvc.perform(get("/api/runs/" + id + "/workbook")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"assessment.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        String page = mvc.perform(get("/runs/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("测评结果", "得分", "等级", "整改清单", "分项得分", "assessment.xlsx", "crawl.warc.gz");
        mvc.perform(get("/runs/" + id + "/files/crawl.warc.gz")).andExpect(status().isOk());
        mvc.perform(get("/runs/" + id + "/files/report.html")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("sandbox")));
        mvc.perform(get("/runs/" + id + "/files/..%2Fgongkai.mv.db")).andExpect(status().is4xxClientError());
        mvc.perform(get("/runs/" + id + "/files/gongkai.mv.db")).andExpect(status().isNotFound());

        assertThat(mvc.perform(get("/runs")).andReturn().getResponse().getContentAsString()).contains(id);
        assertThat(mvc.perform(get("/runs").param("pack", "hn-2020")).andReturn().getResponse().getContentAsString())
                .doesNotContain(id);
        assertThat(mvc.perform(get("/runs").param("agency", "没有这个单位")).andReturn().getResponse().getContentAsString())
                .doesNotContain(id);

        // A second run of the same agency can be compared with the first.
        String second = startRun("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"2026-09-30\",\"maxPages\":40}");
        String compare = mvc.perform(get("/compare").param("base", id).param("run", second)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(compare).contains("测评比较", "有变化的条目", id, second);
    }

    @Test
    void privateLoopbackAndMetadataTargetsAreRefusedWithAProblem() throws Exception {
        for (String url : new String[]{"http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://oa.intranet.example/", "http://meta.example/", "http://[fd00:ec2::254]/", "http://[fe80::1]/"}) {
            mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"" + url + "\",\"pack\":\"cn-regulation-2019\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.zh").value("目标地址不允许访问（内网、本机或元数据地址）"))
                    .andExpect(jsonPath("$.en").value(org.hamcrest.Matchers.containsString("not allowed")))
                    .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.containsString("address not allowed")));
        }
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"file:///etc/passwd\",\"pack\":\"cn-regulation-2019\"}"))
                .andExpect(status().isBadRequest());
        // Every entry of an agency is checked, not only its 网站地址.
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pack\":\"cn-regulation-2019\",\"agencies\":[{\"name\":\"湘江市教育局\",\"url\":\"" + site
                                + "\",\"disclosureUrls\":[\"10.0.0.1/xxgk/\"]}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.containsString("信息公开地址 http://10.0.0.1/xxgk/")));
    }

    @Test
    void badRequestsGetProblemDetailsInChineseAndEnglish() throws Exception {
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").exists()).andExpect(jsonPath("$.en").exists());
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"30.09.2025\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.en").value(org.hamcrest.Matchers.containsString("YYYY-MM-DD")));
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + site + "\",\"pack\":\"no-such-pack\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.startsWith("未知的规则包")));
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"maxPages\":1000}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.containsString("页面预算")));
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pack\":\"cn-regulation-2019\",\"agencies\":[{\"name\":\"a\",\"url\":\"" + site
                                + "\"},{\"name\":\"b\",\"url\":\"" + site + "\"},{\"name\":\"c\",\"url\":\"" + site
                                + "\"},{\"name\":\"d\",\"url\":\"" + site + "\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.startsWith("单位名单过长")));
        mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{\"pack\":\"cn-regulation-2019\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").value("请填写网站地址或上传单位名单"));
        mvc.perform(get("/api/runs/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.zh").value("找不到测评 nope"));
        mvc.perform(get("/api/runs/nope/workbook")).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/nope/findings")).andExpect(status().isNotFound());
        mvc.perform(get("/runs/nope")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("找不到测评 nope")));
    }

    @Test
    void uploadsAreLimitedAndFormsNeedACsrfToken() throws Exception {
        byte[] big = new byte[150_000];
        mvc.perform(multipart("/runs").file(new MockMultipartFile("agencies", "list.csv", "text/csv", big))
                        .param("pack", "cn-regulation-2019").with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("过大")));
        mvc.perform(post("/runs").param("url", site).param("pack", "cn-regulation-2019"))
                .andExpect(status().isForbidden());
        byte[] list = "单位名称,网站地址\n内网单位,http://10.1.1.1/\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/runs").file(new MockMultipartFile("agencies", "list.csv", "text/csv", list))
                        .param("pack", "cn-regulation-2019").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("内网单位 http://10.1.1.1/")));
    }

    /** An uploaded list with good and bad rows: the good rows are audited; each bad row is listed, never as HTML. */
    @Test
    void anUploadedListIsAuditedForItsGoodRowsAndEverySkippedRowIsShownInTheApiAndOnThePage() throws Exception {
        String csv = "单位名称,网站地址\n"
                + "湘江市教育局," + site + "\n"
                + "湘江市统计局,<script>alert('x')</script>\n"                     // row 3: not a URL, and HTML
                + "湘江市教育局," + site + "\n"                                     // row 4: duplicate
                + "," + site + "\n"                                                 // row 5: no name
                + "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\"," + site + "\n";  // row 6: formula
        MvcResult started = mvc.perform(multipart("/api/runs")
                        .file(new MockMultipartFile("agencies", "名单.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("pack", "cn-regulation-2019").param("asOf", "2025-09-30").param("maxPages", "10"))
                .andExpect(status().isAccepted()).andExpect(header().exists("Location")).andReturn();
        String id = json.readTree(started.getResponse().getContentAsString()).path("id").asString();
        // Listed at once, before the audit has got anywhere.
        mvc.perform(get("/api/runs/" + id)).andExpect(jsonPath("$.agencyList.skipped").value(4));
        checks.awaitEnd(id, Duration.ofMinutes(2));

        JsonNode status = json.readTree(mvc.perform(get("/api/runs/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        assertThat(status.path("sitesDone").asInt()).isEqualTo(1);
        JsonNode list = status.path("agencyList");
        assertThat(list.path("file").asString()).isEqualTo("名单.csv");
        assertThat(list.path("agencies").asInt()).isEqualTo(1);
        JsonNode rows = list.path("skippedRows");
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.path("file").asString()).isEqualTo("名单.csv");
            assertThat(r.path("zh").asString()).containsPattern("\\p{IsHan}");
            assertThat(r.path("en").asString()).containsPattern("(empty|not an|duplicate|formula)");
        });
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rows.get(0).path("column").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("cell").asString()).isEqualTo("B3");
        assertThat(rows.get(0).path("where").asString()).isEqualTo("第3行第2列");
        assertThat(rows.get(0).path("value").asString()).isEqualTo("<script>alert('x')</script>");
        assertThat(rows.get(0).path("en").asString()).contains("not an http(s) URL");
        assertThat(rows.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(rows.get(1).path("zh").asString()).contains("单位重复");
        assertThat(rows.get(1).path("en").asString()).contains("duplicate agency");
        assertThat(rows.get(2).path("row").asInt()).isEqualTo(5);
        assertThat(rows.get(2).path("en").asString()).contains("empty 单位名称");
        assertThat(rows.get(3).path("row").asInt()).isEqualTo(6);
        assertThat(rows.get(3).path("value").asString()).startsWith("=HYPERLINK(");
        assertThat(rows.get(3).path("en").asString()).contains("spreadsheet formula");
        mvc.perform(get("/api/runs/" + id + "/findings")).andExpect(jsonPath("$.agencies.length()").value(1))
                .andExpect(jsonPath("$.agencies[0].name").value("湘江市教育局"));

        String page = mvc.perform(get("/runs/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("测评结果", "已跳过 <span id=\"skipped-count\">4</span> 行", "名单.csv", "第3行第2列",
                "第4行第1列", "第5行第1列", "第6行第1列", "单位重复", "单位名称为空", "像电子表格公式",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script>alert(");
        assertThat(mvc.perform(get("/runs/" + id + "/files/audit.log")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("跳过 / skipped: 第3行第2列 / row 3 column 2");
        assertThat(store.find(id)).get().extracting(RunStore.RunSummary::skippedRows).isEqualTo(4);

        // A clean single-site run shows no such block.
        String clean = startRun("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"maxPages\":5}");
        mvc.perform(get("/api/runs/" + clean)).andExpect(jsonPath("$.agencyList").doesNotExist());
        assertThat(mvc.perform(get("/runs/" + clean)).andReturn().getResponse().getContentAsString()).doesNotContain("已跳过");
    }

    /** A private address in an uploaded list costs only its row, named like any skipped row; the rest is audited. */
    @Test
    void aPrivateAddressInAnUploadedListIsSkippedNamingItsRowAndTheOthersAreAudited() throws Exception {
        String csv = "单位名称,网站地址\n湘江市教育局," + site + "\n湘江市内网办公系统,http://oa.intranet.example/\n";
        MvcResult started = mvc.perform(multipart("/api/runs")
                        .file(new MockMultipartFile("agencies", "名单.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("pack", "cn-regulation-2019").param("asOf", "2025-09-30").param("maxPages", "5"))
                .andExpect(status().isAccepted()).andReturn();
        String id = json.readTree(started.getResponse().getContentAsString()).path("id").asString();
        checks.awaitEnd(id, Duration.ofMinutes(2));

        JsonNode status = json.readTree(mvc.perform(get("/api/runs/" + id)).andReturn().getResponse().getContentAsString());
        assertThat(status.path("state").asString()).isEqualTo("DONE");
        JsonNode rows = status.path("agencyList").path("skippedRows");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.path("file").asString()).isEqualTo("名单.csv");
            assertThat(r.path("cell").asString()).isEqualTo("B3");
            assertThat(r.path("value").asString()).isEqualTo("http://oa.intranet.example/");
            assertThat(r.path("zh").asString()).startsWith("目标地址不允许访问");
            assertThat(r.path("en").asString()).contains("not allowed", "10.0.0.1");
        });
        mvc.perform(get("/api/runs/" + id + "/findings")).andExpect(jsonPath("$.agencies.length()").value(1))
                .andExpect(jsonPath("$.agencies[0].name").value("湘江市教育局"));
    }

    /** A list with no usable row is refused when it is submitted, naming the file and every row at fault. */
    @Test
    void anUploadedListWithNoUsableRowIsRefusedNamingTheFileAndEachRow() throws Exception {
        byte[] csv = ("单位名称,网站地址\n,http://a.example/\n湘江市统计局,<b>tj</b>\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/runs").file(new MockMultipartFile("agencies", "坏名单.csv", "text/csv", csv))
                        .param("pack", "cn-regulation-2019"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.zh").value("单位名单 坏名单.csv 无法使用"))
                .andExpect(jsonPath("$.en").value("agency list 坏名单.csv cannot be used"))
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("第2行第1列 / row 2 column 1：单位名称为空")))
                .andExpect(jsonPath("$.errors[1]").value(org.hamcrest.Matchers.containsString("row 3 column 2")))
                .andExpect(jsonPath("$.errors[2]").value("没有可审计的单位 / no usable agency rows"));
        String page = mvc.perform(multipart("/runs").file(new MockMultipartFile("agencies", "坏名单.csv", "text/csv", csv))
                        .param("pack", "cn-regulation-2019").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("单位名单 坏名单.csv 无法使用", "第3行第2列", "&lt;b&gt;tj&lt;/b&gt;").doesNotContain("<b>tj");
        long before = jdbc.sql("SELECT COUNT(*) FROM web_run").query(Long.class).single();
        mvc.perform(multipart("/api/runs").file(new MockMultipartFile("agencies", "名单.txt", "text/plain", csv))
                        .param("pack", "cn-regulation-2019"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.containsString("CSV 或 XLSX")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM web_run").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void packsAreListedAndUploadsValidatedWithFileAndLine() throws Exception {
        mvc.perform(get("/api/packs")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'cn-regulation-2019')].items").exists());
        assertThat(mvc.perform(get("/packs").param("id", "cn-regulation-2019")).andReturn().getResponse()
                .getContentAsString()).contains("cn-regulation-2019", "分值");

        byte[] broken = "id: broken\ntitle: 坏的规则包\nitems:\n  - id: x\n    points: lots\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "broken.yaml", "text/yaml", broken)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].file").exists())
                .andExpect(jsonPath("$.problems[0].zh").exists());

        Path shipped = Path.of("../rules/src/main/resources/packs/cn-site-health-2019");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip); var files = Files.list(shipped)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("cn-site-health-2019/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "health.zip", "application/zip",
                        zip.toByteArray())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.id").value("cn-site-health-2019"));

        // A pack with a decision table (hn-2020's hn2020-documents.xlsx) is usable; a broken table is named by sheet and cell.
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "hn.zip", "application/zip",
                        zipOf(Path.of("../rules/src/main/resources/packs/hn-2020"), "hn-2020"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "dtable.zip", "application/zip",
                        zipOf(Path.of("src/test/resources/bad-packs/dtable-no-object-type"), "dtable-no-object-type"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.problems[0].file").value("t.xlsx:规则!B10"))
                .andExpect(jsonPath("$.problems[0].zh").value(org.hamcrest.Matchers.startsWith("决策表第 10 行")));

        String page = mvc.perform(multipart("/packs").file(new MockMultipartFile("file", "broken.yaml", "text/yaml", broken))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("处问题，未启用");
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "x.exe", "application/octet-stream",
                new byte[]{1}))).andExpect(status().isBadRequest());
        ByteArrayOutputStream slip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(slip)) {
            z.putNextEntry(new ZipEntry("../../evil/pack.yaml")); // boundary-ok: a zip-slip entry name, never read
            z.write(broken);
            z.closeEntry();
        }
        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "evil.zip", "application/zip",
                slip.toByteArray()))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.startsWith("压缩包含非法路径")));
    }

    private static byte[] zipOf(Path folder, String top) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip); var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(top + "/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip.toByteArray();
    }

    @Test
    void aRunLeftUnfinishedByARestartIsShownInterruptedAndCanBeResumed() throws Exception {
        String id = startRun("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"2025-09-30\",\"maxPages\":10}");
        // As a killed server leaves it.
        jdbc.sql("UPDATE web_run SET state = 'RUNNING' WHERE run_id = ?").param(id).update();
        jdbc.sql("UPDATE run SET status = 'RUNNING' WHERE id = ?").param(id).update();

        checks.markInterrupted();

        mvc.perform(get("/api/runs/" + id)).andExpect(jsonPath("$.state").value("INTERRUPTED"))
                .andExpect(jsonPath("$.resumable").value(true));
        assertThat(mvc.perform(get("/runs/" + id)).andReturn().getResponse().getContentAsString()).contains("已中断", "恢复测评");
        mvc.perform(post("/api/runs/" + id + "/resume")).andExpect(status().isAccepted());
        checks.awaitEnd(id, Duration.ofMinutes(2));
        mvc.perform(get("/api/runs/" + id)).andExpect(jsonPath("$.state").value("DONE"));
        mvc.perform(post("/api/runs/" + id + "/resume")).andExpect(status().isConflict());
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/runs", "/api/runs/{id}/findings", "/api/runs/{id}/workbook", "/api/packs",
                "/api/packs/validate", "disclosureUrls", "信息公开地址");
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString()).contains("发起自查", "测评基准日");
    }

    @Test
    void liveProgressShowsTheSiteInFlightAndAClientMayNotStartMoreThanItsShare() throws Exception {
        // A site that holds every request until the test lets go: the runs are certainly going meanwhile.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(2);
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.createContext("/", ex -> {
            arrived.countDown();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] page = "<html><title>慢站</title><body>首页</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        slow.start();
        String url = "http://127.0.0.1:" + slow.getAddress().getPort() + "/";
        String request = "{\"url\":\"" + url + "\",\"pack\":\"cn-regulation-2019\",\"maxPages\":3}";
        try {
            String first = json.readTree(mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("id").asString();
            String second = json.readTree(mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("id").asString();
            assertThat(arrived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            mvc.perform(get("/api/runs/" + first)).andExpect(jsonPath("$.state").value("RUNNING"))
                    .andExpect(jsonPath("$.stateLabel").value("进行中"))
                    .andExpect(jsonPath("$.currentSites[0]").value(org.hamcrest.Matchers.endsWith(url)));
            assertThat(mvc.perform(get("/runs/" + first)).andReturn().getResponse().getContentAsString())
                    .contains("正在抓取", "/js/progress.js");
            mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.zh").value(org.hamcrest.Matchers.containsString("个测评正在进行")));

            release.countDown();
            checks.awaitEnd(first, Duration.ofMinutes(1));
            checks.awaitEnd(second, Duration.ofMinutes(1));
            mvc.perform(get("/api/runs/" + first)).andExpect(jsonPath("$.state").value("DONE"));
            // Both ended: the client may start again.
            String third = json.readTree(mvc.perform(post("/api/runs").contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("id").asString();
            checks.awaitEnd(third, Duration.ofMinutes(1));
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }
}
