package cn.gongkai.crawl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An agency site on WireMock for crawler fault tests: one server per test class ({@code @RegisterExtension static}),
 * on 127.0.0.1 only, with stubs and the request journal reset before each test and anything not stubbed answered
 * with a 404 page. Gzip is off so the crawler gets exactly the bytes a stub names, a {@code Content-Encoding} it sets
 * included.
 */
final class WireMockSite extends WireMockExtension {

    WireMockSite() {
        super(WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)));
    }

    @Override
    protected void onBeforeAll(WireMockRuntimeInfo info) {
        // The first request to a fresh WireMock loads Jetty's and the stub matcher's classes: over a second on a
        // loaded 2-core machine, enough to miss a fault test's short request deadline on robots.txt. One request here
        // pays for it outside the crawl under test.
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("WireMock on port " + getPort() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo info) {
        stubFor(any(anyUrl()).atPriority(10).willReturn(html(404, "<html><body>404 页面不存在</body></html>")));
    }

    /** {@code http://127.0.0.1:PORT/path}: WireMock's own names {@code localhost}, which may resolve to {@code ::1}. */
    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + getPort() + path;
    }

    URI uri(String path) {
        return URI.create(url(path));
    }

    /** An HTML answer with {@code status}, as {@code text/html; charset=utf-8}. */
    static ResponseDefinitionBuilder html(int status, String html) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8").withBody(html);
    }

    WireMockSite page(String path, String html) {
        stubFor(get(urlEqualTo(path)).willReturn(html(200, html)));
        return this;
    }

    WireMockSite redirect(String path, int status, String location) {
        stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        return this;
    }

    /** Requests received for {@code path} (with its query, if any) since the test started. */
    int requests(String path) {
        return findAll(getRequestedFor(urlEqualTo(path))).size();
    }
}
