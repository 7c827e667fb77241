package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.PolicyInterpretation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the policy a 政策解读 explains (三同步: policy and 解读 published together and linked): the 《…》 named in
 * the title, and the link labelled 原文/政策原文/相关文件, or a link whose text is the policy's title.
 */
final class InterpretationReader {

    private static final Pattern BOOK = Pattern.compile("《([^》]{4,120})》");
    private static final Pattern ORIGINAL = Pattern.compile("政策原文|文件原文|原文链接|相关文件|相关政策|原文");

    private InterpretationReader() {
    }

    static PolicyInterpretation read(String title, Document doc, Evidence source) {
        Matcher m = BOOK.matcher(title);
        String policy = m.find() ? m.group(1) : null;
        String url = null;
        if (doc != null) {
            for (Element a : doc.select("a[href]")) {
                String text = a.text().strip();
                String abs = a.absUrl("href");
                if (abs.isEmpty() || abs.startsWith("javascript")) {
                    continue;
                }
                boolean named = policy != null && text.contains(policy);
                if (named || (ORIGINAL.matcher(text).find() && text.length() <= 80)) {
                    url = abs;
                    if (policy == null) {
                        Matcher inLink = BOOK.matcher(text);
                        policy = inLink.find() ? inLink.group(1) : text.replaceFirst("^.*?[:：]", "").strip();
                    }
                    if (named) {
                        break;
                    }
                }
            }
        }
        return new PolicyInterpretation(policy == null || policy.isBlank() ? null : policy, url, source);
    }
}
