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
        return out.toString().replaceAll("[ \\u00A0]+\\n", "\n").replaceAll("\\n[ \\u00A0]+", "\n")
                .replaceAll("\\n{2,}", "\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
