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

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            serve(args);
            return;
        }
        System.exit(SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args)));
    }

    /**
     * {@code gongkai serve [--port N] [--fixtures]}: the same context as a servlet web application that keeps running. Every
     * other command starts without a web server (application.properties: web-application-type=none); system
     * properties outrank that file.
     */
    static void serve(String[] args) {
        System.setProperty("spring.main.web-application-type", "servlet");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                System.setProperty("server.port", args[i + 1]);
            } else if (args[i].startsWith("--port=")) {
                System.setProperty("server.port", args[i].substring("--port=".length()));
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
