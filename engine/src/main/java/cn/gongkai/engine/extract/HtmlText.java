package cn.gongkai.engine.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an HTML element as the lines a reader sees: one line per block (paragraph, list item, table row),
 * table cells separated by a space; scripts, styles and the head are skipped.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "table", "tbody", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "nav",
            "form", "blockquote", "pre", "hr", "center", "address", "body", "html", "text");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "head", "title", "template", "select",
            "option", "iframe", "svg");

    private HtmlText() {
    }

    static String render(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipDepth = -1;

            @Override
            public void head(Node node, int depth) {
                if (skipDepth >= 0) {
                    return;
                }
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (SKIP.contains(tag)) {
                        skipDepth = depth;
                    } else if (BLOCKS.contains(tag)) {
                        newline(out);
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                } else if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("[\\r\\n\\t]+", " "));
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth >= 0) {
                    if (skipDepth == depth) {
                        skipDepth = -1;
                    }
                    return;
                }
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    newline(out);
                }
            }
        }, root);
        return tidyLines(out);
    }

    /**
     * Strips spaces and NBSPs around each line and drops empty lines. Done line by line: the regular expression
     * {@code [ \u00A0]+\n} is quadratic on a long run of spaces (a space-filled gzip bomb kept a thread busy for
     * minutes).
     */
    static String tidyLines(CharSequence text) {
        StringBuilder tidy = new StringBuilder(text.length());
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            int a = start;
            int b = end;
            while (a < b && isBlank(text.charAt(a))) {
                a++;
            }
            while (b > a && isBlank(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                if (tidy.length() > 0) {
                    tidy.append('\n');
                }
                tidy.append(text, a, b);
            }
            start = end + 1;
        }
        return tidy.toString().strip();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u00A0';
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
