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
        System.exit(SpringApplication.exit(SpringApplication.run(GongkaiApplication.class, args)));
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
