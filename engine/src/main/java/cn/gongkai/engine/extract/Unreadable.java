package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.UnreadableAttachment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What the audit can still say about an attachment it could not read (or read only in part): why, which file,
 * and what the links to it called it, as an {@link UnreadableAttachment} fact for the rules.
 */
final class Unreadable {

    static final String PASSWORD = "文件有密码保护 / password-protected";
    static final String ZIP_BOMB = "压缩比异常，疑似压缩炸弹，已拒绝读取 / refused as a zip bomb";
    static final String TOO_DEEP = "文件结构嵌套过深，无法解析 / structure nested too deeply to parse";
    static final String CUT_BY_CRAWLER = "文件超过下载字节上限，只下载了开头部分，无法读取 / body cut at the crawler's byte cap,"
            + " unreadable";
    private static final int MAX_DETAIL = 160;

    private Unreadable() {
    }

    /** Why an extraction failed, from the exception and its causes: Chinese / English. */
    static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return TOO_DEEP;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.endsWith("EncryptedDocumentException") || name.endsWith("InvalidPasswordException")
                    || message.contains("password") || message.contains("encrypted")) {
                return PASSWORD;
            }
            if (message.contains("zip bomb") || message.contains("max entry size")
                    || message.contains("exceed the max")) {
                return ZIP_BOMB;
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("\\s+", " ");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        return "文件已损坏或格式无法识别 / corrupt or unrecognised file (" + detail + ")";
    }

    /**
     * The facts for an unreadable or cut page: one per kind its link texts (else its file name) name, or one
     * without a kind.
     */
    static List<UnreadableAttachment> facts(ExtractedPage page, Collection<String> linkTexts, Evidence source,
                                            boolean bodyCut) {
        String fileName = PageExtractor.fileName(page.url());
        Set<String> texts = new LinkedHashSet<>();
        linkTexts.stream().map(t -> t == null ? "" : t.replaceAll("\\s+", " ").strip()).filter(t -> !t.isEmpty())
                .forEach(texts::add);
        String linkText = texts.isEmpty() ? PageExtractor.fileStem(page.url()) : String.join("；", texts);
        List<KindClassifier.KindYear> kinds = new ArrayList<>();
        for (String t : texts) {
            kinds = kinds(t);
            if (!kinds.isEmpty()) {
                break;
            }
        }
        if (kinds.isEmpty()) {
            kinds = kinds(PageExtractor.fileStem(page.url()));
        }
        String reason = page.unreadable() && bodyCut ? CUT_BY_CRAWLER : page.reason();
        List<UnreadableAttachment> out = new ArrayList<>();
        for (KindClassifier.KindYear k : kinds) {
            out.add(new UnreadableAttachment(page.url(), fileName, linkText, k.kind(), k.year(), reason,
                    !page.unreadable(), source));
        }
        if (out.isEmpty()) {
            out.add(new UnreadableAttachment(page.url(), fileName, linkText, (DocumentKind) null, null, reason,
                    !page.unreadable(), source));
        }
        return out;
    }

    /**
     * The kinds a link text names, as a title would be classified: the baseline kinds (a missing year allowed),
     * else the other kinds ({@link MoreKinds}) judged on the text alone.
     */
    private static List<KindClassifier.KindYear> kinds(String text) {
        String t = TextNormalizer.normalize(text);
        List<KindClassifier.KindYear> kinds = KindClassifier.classify(t, true);
        return kinds.isEmpty() ? MoreKinds.classify(new MoreKinds.Page(t, t, cn.gongkai.engine.fact.DocumentDetails.NONE, 0))
                : kinds;
    }

    /** The texts (else {@code title} attributes) of the links on an HTML page that point at one of {@code targets}. */
    static List<String> linkTexts(PageSource page, Collection<String> targets) {
        Set<String> wanted = new LinkedHashSet<>();
        targets.stream().filter(t -> t != null).map(Unreadable::decoded).forEach(wanted::add);
        CharsetSniffer.Decoded decoded = CharsetSniffer.decode(page.body(), page.contentType());
        org.jsoup.nodes.Document doc = Jsoup.parse(decoded.text(), page.url() == null ? "" : page.url());
        List<String> out = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            if (wanted.contains(decoded(a.absUrl("href")))) {
                String text = a.text().strip();
                out.add(text.isEmpty() ? a.attr("title").strip() : text);
            }
        }
        return out;
    }

    private static String decoded(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
