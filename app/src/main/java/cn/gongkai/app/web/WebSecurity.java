package cn.gongkai.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Accounts and CSRF. Off by default (a single-user local install: every request is the local assessor); with
 * {@code gongkai.web.accounts.enabled=true} every page needs a login (form, or HTTP Basic for the API), users and
 * their hashed passwords come from configuration, and packs may be uploaded by assessors only. CSRF tokens
 * protect every form; the JSON API is exempt (no cookies are needed to call it with Basic).
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(WebSettings.class)
class WebSecurity {

    @Bean
    SecurityFilterChain web(HttpSecurity http, WebSettings settings) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers("/api/**"));
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (!settings.accounts().enabled()) {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/packs", "/api/packs/validate").hasRole("ASSESSOR")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> problem(res, new WebProblem(
                                HttpStatus.UNAUTHORIZED, "请先登录（HTTP Basic）", "log in first (HTTP Basic)"), req.getRequestURI()),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAccessDeniedHandlerFor((req, res, ex) -> problem(res, new WebProblem(
                                HttpStatus.FORBIDDEN, "您的账户无权执行此操作", "your account may not do this"), req.getRequestURI()),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    /** Security refusals on the API are problem details too, like every other API error. */
    private static void problem(HttpServletResponse res, WebProblem p, String path) throws java.io.IOException {
        res.setStatus(p.status().value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        if (p.status() == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"gongkai\"");
        }
        // Written by hand: outside Spring MVC there is no ProblemDetail mixin to flatten its properties.
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", p.status().getReasonPhrase());
        body.put("status", p.status().value());
        body.put("detail", p.chinese() + " / " + p.english());
        body.put("instance", path);
        body.put("zh", p.chinese());
        body.put("en", p.english());
        res.getWriter().write(JSON.writeValueAsString(body));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Users from configuration; empty (no login possible) when accounts are off. */
    @Bean
    UserDetailsService users(WebSettings settings) {
        List<UserDetails> users = settings.accounts().users().entrySet().stream()
                .map(e -> User.withUsername(e.getKey()).password(e.getValue().password())
                        .roles(e.getValue().role() == null ? "AGENCY" : e.getValue().role().toUpperCase()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /** Stored passwords carry their scheme ({bcrypt}…); plain text is rejected by the delegating encoder. */
    @Bean
    PasswordEncoder passwords() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI().info(new Info().title("公开审计自查 API / Gongkai Audit self-check API").version("0.1")
                .description("发起自查、查看进度、下载结果；规则包列表与校验。错误为 RFC 9457 problem details（zh/en）。"));
    }
}
