package cn.gongkai.app.web;

import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With accounts on: login required, hashed passwords, assessors see all runs, agencies only their own. */
@SpringBootTest(properties = {
        "spring.main.web-application-type=servlet",
        "gongkai.data-dir=./target/accounts-test/${random.uuid}",
        "gongkai.web.allow-loopback-targets=true",
        "gongkai.web.delay-ms=0",
        "gongkai.web.accounts.enabled=true",
        "gongkai.web.accounts.users.zhang.role=ASSESSOR",
        "gongkai.web.accounts.users.jiaoyuju.role=AGENCY",
        "gongkai.web.accounts.users.tongjiju.role=AGENCY",
})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {

    private static final String PASSWORD = "correct horse";

    @DynamicPropertySource
    static void passwords(DynamicPropertyRegistry registry) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (String user : new String[]{"zhang", "jiaoyuju", "tongjiju"}) {
            registry.add("gongkai.web.accounts.users." + user + ".password", () -> hash);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SelfChecks checks;

    private FixtureServer fixtures;

    @BeforeAll
    void fixtures() {
        fixtures = FixtureServer.start();
    }

    @AfterAll
    void stop() {
        fixtures.close();
    }

    @Test
    void nothingWithoutLoginAndWrongPasswordsFail() throws Exception {
        mvc.perform(get("/api/packs")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.zh").value("请先登录（HTTP Basic）"));
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/api/packs").with(httpBasic("zhang", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user("zhang").password("wrong")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("zhang").password(PASSWORD)).andExpect(authenticated().withRoles("ASSESSOR"));
    }

    @Test
    void anAgencySeesOnlyItsOwnRunsAndCannotUploadPacks() throws Exception {
        String site = fixtures.siteUrl(fixtures.sites().get(1).id()).toString();
        String body = mvc.perform(post("/api/runs").with(httpBasic("jiaoyuju", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"2025-09-30\",\"maxPages\":10}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(body).path("id").asString();
        checks.awaitEnd(id, Duration.ofMinutes(2));

        mvc.perform(get("/api/runs/" + id).with(httpBasic("jiaoyuju", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/runs/" + id).with(httpBasic("zhang", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/runs/" + id).with(httpBasic("tongjiju", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/" + id + "/workbook").with(httpBasic("tongjiju", PASSWORD))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/runs").with(httpBasic("tongjiju", PASSWORD))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(id);
        assertThat(mvc.perform(get("/runs").with(httpBasic("zhang", PASSWORD))).andReturn().getResponse()
                .getContentAsString()).contains(id);

        mvc.perform(multipart("/api/packs/validate").file(new MockMultipartFile("file", "pack.yaml", "text/yaml", new byte[]{'x'}))
                        .with(httpBasic("jiaoyuju", PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.zh").value("您的账户无权执行此操作"));
    }
}
