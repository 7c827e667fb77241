package cn.gongkai.app.cli;

import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.extract.PageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gongkai extract}: runs the extractors on saved pages and prints their facts as JSON, so anyone can
 * check what the engine reads from a page they care about.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "对保存的网页或附件（HTML、PDF、XLS(X)、DOC(X)、TXT）抽取事实，以 JSON 输出，每个文件一个对象。")
public class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "页面原始地址（用于解析相对链接和按扩展名判断类型）")
    String url;

    @Option(names = "--content-type", description = "Content-Type，如 \"text/html; charset=gb2312\"；缺省按文件扩展名判断")
    String contentType;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "保存的文件")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PageExtractor extractor = new PageExtractor();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("文件不存在：" + file, "file not found: " + file);
            }
            String pageUrl = url != null ? url : file.toAbsolutePath().toUri().toString();
            ExtractedPage page = extractor.extract(new PageSource(pageUrl, contentType, Files.readAllBytes(file), null, null));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", file.toString());
            o.put("url", page.url());
            o.put("title", page.title());
            o.put("charset", page.charset());
            o.put("publishedOn", page.publishedOn());
            o.put("writtenOn", page.writtenOn());
            o.put("documents", page.documents());
            o.put("listEntries", page.listEntries());
            if (page.unreadable()) {
                o.put("unreadable", true); // could not be read at all: no text, no documents
            }
            if (page.truncated()) {
                o.put("truncated", true); // larger than the extraction cap: what is shown is from its beginning
            }
            if (page.reason() != null) {
                o.put("reason", page.reason()); // why unreadable, or where it was cut (Chinese / English)
            }
            out.add(o);
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        return 0;
    }
}
