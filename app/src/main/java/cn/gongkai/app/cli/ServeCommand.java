package cn.gongkai.app.cli;

import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gongkai serve}: by the time picocli sees it, {@code GongkaiApplication.main} has started the web server
 * (the port must be known before the context starts); this prints where to open it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "启动自查网页和 REST API（默认端口 8080，只在本机地址 127.0.0.1 监听）。")
public class ServeCommand implements Runnable {

    @Option(names = "--port", paramLabel = "N", description = "端口（默认 8080）")
    Integer port;

    @Option(names = "--address", paramLabel = "地址",
            description = "监听地址（默认 127.0.0.1，只允许本机访问）。未开启账户时不能监听其他地址，"
                    + "除非设置 --gongkai.web.allow-anonymous-remote=true")
    String address;

    @Option(names = "--fixtures", description = "同时在本机启动内置示例网站（允许检查本机地址），无需联网即可试用")
    boolean fixtures;

    /** Spring settings given on the command line ({@code --gongkai.web.max-agencies=50}); Spring reads them. */
    @picocli.CommandLine.Unmatched
    java.util.List<String> springSettings;

    @Spec
    CommandSpec spec;

    @Value("${local.server.port:${server.port:8080}}")
    String actualPort;

    @Value("${server.address:}")
    String boundAddress;

    @Override
    public void run() {
        String host = boundAddress == null || boundAddress.isBlank() ? "localhost"
                : boundAddress.contains(":") ? "[" + boundAddress + "]" : boundAddress;
        spec.commandLine().getOut().printf("公开审计自查网页已启动：http://%s:%s/  （API 文档：/swagger-ui.html，按 Ctrl+C 停止）%n",
                host, actualPort);
    }
}
