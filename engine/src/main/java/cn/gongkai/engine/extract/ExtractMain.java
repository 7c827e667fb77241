package cn.gongkai.engine.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@link PageExtractor} on one saved file and prints what it read: title, dates, charset, documents and
 * list entries. Usage: {@code ExtractMain <file> [url] [content-type]}; the URL defaults to a {@code file:} URL
 * (attachments are titled by their file name), the content type to none (sniffed from the bytes and name).
 */
public final class ExtractMain {

    private ExtractMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ExtractMain <file> [url] [content-type]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String url = args.length > 1 ? args[1] : file.toAbsolutePath().toUri().toString();
        String type = args.length > 2 ? args[2] : null;
        ExtractedPage page = new PageExtractor().extract(new PageSource(url, type, Files.readAllBytes(file), null, null));
        System.out.println("url          " + page.url());
        System.out.println("title        " + page.title());
        System.out.println("charset      " + page.charset());
        System.out.println("publishedOn  " + page.publishedOn());
        System.out.println("writtenOn    " + page.writtenOn());
        System.out.println("text chars   " + page.rawText().length());
        page.documents().forEach(d -> System.out.println("document     " + d.kind() + " year=" + d.yearCovered()
                + " sanGong=" + d.hasSanGong() + " guideFields=" + d.guideFields()));
        page.listEntries().forEach(e -> System.out.println("list entry   " + e.date() + "  " + e.title() + "  " + e.url()));
    }
}
