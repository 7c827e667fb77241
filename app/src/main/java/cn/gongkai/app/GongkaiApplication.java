package cn.gongkai.app;

import cn.gongkai.app.cli.GongkaiCommand;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import picocli.CommandLine;

/**
 * The {@code gongkai} application: one Spring context (run store, engine) behind a picocli command line.
 */
@SpringBootApplication
public class GongkaiApplication implements CommandLineRunner, ExitCodeGenerator {

    private final AutowireCapableBeanFactory beans;
    private int exitCode;

    GongkaiApplication(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        if (HostsFileLaunch.needed(args)) {
            // demo and bench audit the built-in county by its own host names: only a JVM started with its hosts
            // file resolves them, so the command starts again in one.
            System.exit(HostsFileLaunch.relaunch(args));
        }
        if (args.length > 0 && args[0].equals("serve")) {
            serve(args);
            return;
        }
        System.exit(SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args)));
    }

    /**
     * {@code gongkai serve [--port N] [--address A] [--fixtures]}: the same context as a servlet web application that keeps running. Every
     * other command starts without a web server (application.properties: web-application-type=none); system
     * properties outrank that file.
     */
    static void serve(String[] args) {
        if (asksForHelp(args)) {
            // Help and version need no server: picocli prints them and the process ends (no port is bound).
            CommandLine serve = new CommandLine(new cn.gongkai.app.cli.ServeCommand()).setCommandName("gongkai serve");
            serve.setOut(new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.exit(serve.execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        System.setProperty("spring.main.web-application-type", "servlet");
        for (int i = 1; i < args.length; i++) {
            for (String[] option : SERVE_PROPERTIES) {
                if (args[i].equals(option[0]) && i + 1 < args.length) {
                    System.setProperty(option[1], args[i + 1]);
                } else if (args[i].startsWith(option[0] + "=")) {
                    System.setProperty(option[1], args[i].substring(option[0].length() + 1));
                }
            }
        }
        if (java.util.Arrays.asList(args).contains("--fixtures")) {
            // The built-in fixture agency sites on loopback, to try the web app without network: loopback
            // targets are allowed for this server only.
            System.setProperty("gongkai.web.allow-loopback-targets", "true");
            cn.gongkai.fixtures.FixtureServer fixtures = cn.gongkai.fixtures.FixtureServer.start();
            java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            out.println("示例网站已在本机启动（服务停止时关闭），可在自查页面填写：");
            fixtures.sites().forEach(site -> out.printf("  %s  %s%n", site.name(), fixtures.siteUrl(site.id())));
            Runtime.getRuntime().addShutdownHook(new Thread(fixtures::close));
        }
        SpringApplication.run(GongkaiApplication.class, args);
    }

    /** Options of {@code serve} that are Spring settings, needed before the context (and its server) starts. */
    private static final String[][] SERVE_PROPERTIES = {{"--port", "server.port"}, {"--address", "server.address"}};

    private static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return true;
            }
            if (a.equals("--")) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void run(String... args) {
        exitCode = GongkaiCommand.commandLine(new SpringFactory(beans)).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Lets picocli build command objects through Spring so they get the run store and services injected. */
    private record SpringFactory(AutowireCapableBeanFactory beans) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.getPackageName().startsWith("cn.gongkai")) {
                return beans.createBean(cls);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
