package cn.gongkai.app.web;

import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load on {@code gongkai serve} over real loopback HTTP: {@value #CLIENTS} clients, each from its own loopback
 * address (127.0.0.x, so the per-client limit applies to each), submit self-checks of a fixture site two at a
 * time, poll their status and the run list until they end, {@value #ROUNDS} rounds each. Bounded in count (it
 * stops by itself). Asserts: no answer other than 202, 200 and the configured 429 limit; every accepted run ends
 * DONE; heap after the load, once collected, within a bound of the heap before. The figures go to
 * {@code target/load-test.txt} (and RELIABILITY.md by hand).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "gongkai.data-dir=./target/load-test/${random.uuid}",
        "gongkai.web.allow-loopback-targets=true",
        "gongkai.web.delay-ms=0",
        "gongkai.web.max-runs-per-client=1",
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfCheckLoadTest {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 4;
    /** Heap growth tolerated after the load, once collected: a leak of every run's pages would exceed it. */
    private static final long HEAP_GROWTH_BOUND = 128L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    SelfChecks checks;

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

    @Test
    void manyClientsSubmittingAndPollingGetOnlyTheirLimitAndEveryAcceptedRunCompletes() throws Exception {
        String body = "{\"url\":\"" + site + "\",\"pack\":\"cn-regulation-2019\",\"asOf\":\"2025-09-30\",\"maxPages\":8}";
        warmUp(body);
        long heapBefore = heapAfterGc();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger polls = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            InetAddress from = InetAddress.getByName("127.0.0." + (10 + c));
            clients.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    // Two at once: with one run allowed per client, the second must be refused with 429.
                    List<String> ids = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        Response r = request(from, "POST", "/api/runs", body);
                        statuses.computeIfAbsent(r.status, s -> new AtomicInteger()).incrementAndGet();
                        if (r.status == 202) {
                            ids.add(json.readTree(r.body).path("id").asString());
                        }
                    }
                    accepted.addAll(ids);
                    for (String id : ids) {
                        for (int p = 0; p < 2_000; p++) {
                            Response s = request(from, "GET", "/api/runs/" + id, null);
                            polls.incrementAndGet();
                            statuses.computeIfAbsent(s.status, x -> new AtomicInteger()).incrementAndGet();
                            String state = s.status == 200 ? json.readTree(s.body).path("state").asString() : "";
                            if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                                break;
                            }
                            Response list = request(from, "GET", "/runs", null);
                            statuses.computeIfAbsent(list.status, x -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        for (String id : accepted) {
            checks.awaitEnd(id, Duration.ofMinutes(2));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = heapAfterGc();

        Map<String, String> states = new java.util.TreeMap<>();
        for (String id : accepted) {
            Response r = request(InetAddress.getLoopbackAddress(), "GET", "/api/runs/" + id, null);
            states.put(id, json.readTree(r.body).path("state").asString());
        }
        String figures = String.format("clients %d, rounds %d, %.1f s; answers %s; accepted runs %d; status polls %d; "
                        + "heap after GC %d MB before, %d MB after%n", CLIENTS, ROUNDS, seconds, statuses, accepted.size(),
                polls.get(), heapBefore >> 20, heapAfter >> 20);
        Files.writeString(Path.of("target/load-test.txt"), figures);
        System.out.print("load test: " + figures);

        assertThat(statuses.keySet()).as(figures).isSubsetOf(200, 202, 429);
        assertThat(statuses.get(429)).as("the per-client limit refused the second of each pair").isNotNull();
        assertThat(accepted).hasSize(CLIENTS * ROUNDS);
        assertThat(states.values()).as("every accepted run completes").containsOnly("DONE");
        assertThat(heapAfter - heapBefore).as(figures).isLessThan(HEAP_GROWTH_BOUND);
    }

    /** One run first, so class loading and caches are not counted as growth. */
    private void warmUp(String body) throws Exception {
        Response r = request(InetAddress.getByName("127.0.0.9"), "POST", "/api/runs", body);
        assertThat(r.status).as(r.body).isEqualTo(202);
        checks.awaitEnd(json.readTree(r.body).path("id").asString(), Duration.ofMinutes(2));
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    record Response(int status, String body) {
    }

    /** Plain HTTP/1.1 from a chosen loopback address (java.net.http cannot bind one on Java 17). */
    private Response request(InetAddress from, String method, String path, String body) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(60_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "Accept: application/json\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n") + "\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String payload = split < 0 ? "" : response.substring(split + 4);
            if (response.substring(0, split < 0 ? response.length() : split).toLowerCase().contains("transfer-encoding: chunked")) {
                payload = dechunk(payload);
            }
            return new Response(status, payload);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int eol = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }
}
