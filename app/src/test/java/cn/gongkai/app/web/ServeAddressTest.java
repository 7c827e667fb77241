package cn.gongkai.app.web;

import cn.gongkai.app.GongkaiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 19 point 1 and issue 17 point 12: {@code gongkai serve} listens on loopback unless told otherwise, refuses a
 * non-loopback address while accounts are off (anyone on the network would be the local assessor), and
 * {@code serve --help} prints help without starting a server.
 */
class ServeAddressTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... properties) {
        SpringApplication app = new SpringApplication(GongkaiApplication.class);
        String[] args = new String[properties.length + 3];
        args[0] = "--spring.main.web-application-type=servlet";
        args[1] = "--server.port=0";
        args[2] = "--gongkai.data-dir=" + data;
        System.arraycopy(properties, 0, args, 3, properties.length);
        // No subcommand: the command line prints its usage and returns; the server keeps running until closed.
        return app.run(args);
    }

    @Test
    void byDefaultTheServerAnswersOnLoopbackAndNowhereElse() throws IOException {
        try (ConfigurableApplicationContext ctx = start()) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
            Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
            lan.ifPresent(a -> assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2_000);
                }
            }).as("not reachable on " + a.getHostAddress()).isInstanceOf(IOException.class));
        }
    }

    @Test
    void everyInterfaceWithoutAccountsIsRefusedBeforeThePortIsTakenAndSaysWhatToDo() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int chosen = port;
        Throwable thrown = null;
        try {
            new SpringApplication(GongkaiApplication.class).run("--spring.main.web-application-type=servlet",
                    "--server.port=" + chosen, "--gongkai.data-dir=" + data, "--server.address=0.0.0.0").close();
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).as("the context must not start").isNotNull();
        Throwable root = thrown;
        while (!(root instanceof RemoteAccess.Refused) && root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(RemoteAccess.Refused.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("gongkai.web.allow-anonymous-remote=true")
                .hasMessageContaining("gongkai.web.accounts.enabled");
        FailureAnalysis analysis = new RemoteAccessFailureAnalyzer().analyze(thrown);
        assertThat(analysis.getDescription()).startsWith("拒绝启动 / refusing to start");
        assertThat(analysis.getAction()).contains("--address");
        try (ServerSocket again = new ServerSocket(chosen)) {
            assertThat(again.getLocalPort()).as("the port was never bound").isEqualTo(chosen);
        }
    }

    @Test
    void anOperatorMayOpenTheServerWithAccountsOrByTheExplicitSetting() {
        assertThat(RemoteAccess.refusal("0.0.0.0", false, false)).isPresent();
        assertThat(RemoteAccess.refusal("", false, false)).as("unset = every interface").isPresent();
        assertThat(RemoteAccess.refusal("192.168.1.10", false, false)).isPresent();
        assertThat(RemoteAccess.refusal("0.0.0.0", true, false)).isEmpty();
        assertThat(RemoteAccess.refusal("0.0.0.0", false, true)).isEmpty();
        assertThat(RemoteAccess.refusal("127.0.0.1", false, false)).isEmpty();
        assertThat(RemoteAccess.refusal("::1", false, false)).isEmpty();
        assertThat(RemoteAccess.refusal("localhost", false, false)).isEmpty();
        try (ConfigurableApplicationContext ctx = start("--server.address=0.0.0.0",
                "--gongkai.web.allow-anonymous-remote=true")) {
            assertThat(((WebServerApplicationContext) ctx).getWebServer().getPort()).isPositive();
        }
    }

    @Test
    void serveHelpPrintsItsOptionsAndExitsWithoutStartingAServer() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GongkaiApplication.class.getName(), "serve", "--help");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .directory(data.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("serve --help ends by itself").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("--address").contains("--port").contains("127.0.0.1").doesNotContain("已启动");
    }
}
