package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.AnnualReportContent;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentDetails;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.UnreadableAttachment;
import cn.gongkai.engine.fact.PowerListContent;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.GuideField;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extraction entry point: turns one fetched page or attachment into text, dates, title, dated list
 * entries and the typed {@link Document} facts rules match (指南, 年报, 部门预算, 部门决算).
 *
 * <p>发布日期 precedence: the metadata block (发布日期/发布时间) and the {@code PubDate} meta tag, then a labelled
 * date next to the title; never an unlabelled date from the body. 成文日期: the metadata block, else the
 * signature date after the issuer's name. Attachments get no 发布日期: the list entry that links them does.
 *
 * <p>Never throws on bad input: an unreadable file yields an {@link ExtractedPage} marked
 * {@link ExtractedPage#unreadable()}, with empty text and no documents. Instances are stateless and thread-safe.
 */
public final class PageExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(PageExtractor.class);
    private static final Pattern TEXT_HEADER_END = Pattern.compile("(?m)^\\s*={3,}.*={3,}\\s*$");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final int MAX_META_LINE = 300;
    private static final Pattern DATE_LABEL = Pattern.compile("(?:发布时间|发布日期|日期|时间)\\s*:");

    /** What a page or attachment was read as. */
    enum Format { HTML, TEXT, PDF, EXCEL, WORD, OLE2, ZIP }

    /** Extracts one page; see the class comment for what is read and in which order. */
    public ExtractedPage extract(PageSource source) {
        try {
            return switch (format(source)) {
                case HTML -> html(source);
                case TEXT -> text(source);
                case PDF -> attachment(source, AttachmentText.Format.PDF);
                case EXCEL -> attachment(source, AttachmentText.Format.EXCEL);
                case WORD -> attachment(source, AttachmentText.Format.WORD);
                case OLE2 -> attachment(source, AttachmentText.Format.UNKNOWN_OLE2);
                case ZIP -> attachment(source, AttachmentText.Format.UNKNOWN_ZIP);
            };
        } catch (Exception | StackOverflowError e) {
            LOG.debug("could not extract {}: {}", source.url(), e.toString());
            return ExtractedPage.unreadable(source.url(), Unreadable.reason(e));
        }
    }

    /**
     * The {@link UnreadableAttachment} facts of a page that was {@link ExtractedPage#unreadable() unreadable} or
     * {@link ExtractedPage#truncated() cut}: the kind and year its link texts name (as titles are classified, a
     * missing year allowed), else its file name's; the reason the extractor gave, or the crawler's byte cap when
     * {@code bodyCut} and the file could not be read. Empty for a page read whole.
     *
     * @param linkTexts  the texts of the links that pointed at it (see {@link #linkTexts})
     * @param source     the page's archived response, the evidence a finding will cite
     * @param bodyCut    whether the crawler cut the body at its byte cap
     */
    public List<UnreadableAttachment> unreadableAttachments(ExtractedPage page, Collection<String> linkTexts,
                                                            Evidence source, boolean bodyCut) {
        if (!page.unreadable() && !page.truncated()) {
            return List.of();
        }
        return Unreadable.facts(page, linkTexts, source, bodyCut);
    }

    /**
     * The texts of the links on an HTML {@code page} that point at any of {@code targets} (compared URL-decoded);
     * a link without text gives its {@code title}. Never throws: a page that cannot be parsed has none.
     */
    public List<String> linkTexts(PageSource page, Collection<String> targets) {
        try {
            return format(page) == Format.HTML ? Unreadable.linkTexts(page, targets) : List.of();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("could not read links of {}: {}", page.url(), e.toString());
            return List.of();
        }
    }

    static Format format(PageSource source) {
        byte[] b = source.body();
        String type = source.contentType() == null ? "" : source.contentType().toLowerCase(Locale.ROOT);
        String ext = extension(source.url());
        if (startsWith(b, "%PDF") || type.contains("application/pdf") || ext.equals("pdf")) {
            return Format.PDF;
        }
        boolean ole2 = b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
        boolean zip = startsWith(b, "PK\u0003\u0004");
        boolean excel = ext.equals("xls") || ext.equals("xlsx") || ext.equals("et") || type.contains("spreadsheet")
                || type.contains("ms-excel");
        boolean word = ext.equals("doc") || ext.equals("docx") || ext.equals("wps") || type.contains("msword")
                || type.contains("wordprocessing");
        if (ole2 || zip) {
            return excel ? Format.EXCEL : word ? Format.WORD : ole2 ? Format.OLE2 : Format.ZIP;
        }
        if (excel) {
            return Format.EXCEL;
        }
        if (word) {
            return Format.WORD;
        }
        if (type.startsWith("text/plain") || ext.equals("txt")) {
            return Format.TEXT;
        }
        return Format.HTML;
    }

    private ExtractedPage html(PageSource source) {
        CharsetSniffer.Decoded decoded = CharsetSniffer.decode(source.body(), source.contentType());
        org.jsoup.nodes.Document doc = Jsoup.parse(decoded.text(), source.url() == null ? "" : source.url());
        String rawText = HtmlText.render(doc);
        Map<String, String> block = MetadataBlock.parse(prepared(rawText), MAX_META_LINE);
        String title = TitleFinder.find(doc, block);
        String normalized = TextNormalizer.normalize(rawText);
        LocalDate published = date(block.get(MetadataBlock.PUBLISHED));
        if (published == null) {
            published = ChineseDates.first(TextNormalizer.foldWidth(firstMeta(doc, "PubDate", "pubdate",
                    "publishdate", "firstpublishedtime", "Maketime")));
        }
        if (published == null) {
            published = PageDates.labelledNearTitle(normalized, TextNormalizer.normalize(title));
        }
        LocalDate written = date(block.get(MetadataBlock.WRITTEN));
        if (written == null) {
            written = PageDates.signature(normalized);
        }
        DocumentDetails details = DetailsReader.read(block, TitleFinder.metaContent(doc, "ColumnName"), rawText);
        List<ListEntry> entries = ListEntries.read(doc);
        List<KindClassifier.KindYear> kinds = KindClassifier.classify(TextNormalizer.normalize(title));
        if (listsItself(title, entries)) {
            kinds = List.of(); // the 指南 column lists the 指南: the list page is not the document
        }
        Facts facts = facts(source, title, kinds, normalized,
                published, written, details, entries.size(), doc);
        return new ExtractedPage(source.url(), title, rawText, normalized, decoded.charset(), facts.documents(),
                entries, published, written, details, facts.checks());
    }

    private ExtractedPage text(PageSource source) {
        CharsetSniffer.Decoded decoded = CharsetSniffer.decode(source.body(), source.contentType());
        String rawText = decoded.text().replace("\r\n", "\n");
        var headerEnd = TEXT_HEADER_END.matcher(rawText);
        String header = headerEnd.find() ? rawText.substring(0, headerEnd.start()) : "";
        String body = header.isEmpty() ? rawText : rawText.substring(headerEnd.end());
        Map<String, String> block = MetadataBlock.parse(prepared(header.isEmpty() ? firstLines(rawText) : header), 500);
        String title = block.getOrDefault(MetadataBlock.TITLE, block.getOrDefault(MetadataBlock.COLUMN, "")).strip();
        if (title.isEmpty()) {
            title = lineBeforeDateLabel(body);
        }
        String normalized = TextNormalizer.normalize(rawText);
        String normalizedBody = TextNormalizer.normalize(body);
        LocalDate published = date(block.get(MetadataBlock.PUBLISHED));
        if (published == null) {
            published = PageDates.labelledNearTitle(normalizedBody, TextNormalizer.normalize(title));
        }
        LocalDate written = date(block.get(MetadataBlock.WRITTEN));
        if (written == null) {
            written = PageDates.signature(normalizedBody);
        }
        DocumentDetails details = DetailsReader.read(block, "", rawText);
        Facts facts = facts(source, title, KindClassifier.classify(TextNormalizer.normalize(title)), normalized,
                published, written, details, 0, null);
        return new ExtractedPage(source.url(), title, rawText, normalized, decoded.charset(), facts.documents(),
                List.of(), published, written, details, facts.checks());
    }

    private ExtractedPage attachment(PageSource source, AttachmentText.Format format) throws Exception {
        AttachmentText.Text text = AttachmentText.read(source.body(), format);
        String rawText = text.text();
        String normalized = TextNormalizer.normalize(rawText);
        String stem = fileStem(source.url());
        String title = HAN.matcher(stem).find() ? stem : firstNonEmptyLine(rawText);
        LocalDate written = PageDates.signature(normalized);
        List<KindClassifier.KindYear> kinds = KindClassifier.classify(TextNormalizer.normalize(title));
        if (kinds.isEmpty() && !KindClassifier.OTHER_GENRE.matcher(TextNormalizer.normalize(title)).find()) {
            String lead = String.join(" ", Arrays.stream(normalized.split("\n")).limit(3).toList());
            kinds = KindClassifier.classify(lead);
        }
        Facts facts = facts(source, title, kinds, normalized, null, written, DocumentDetails.NONE, 0, null);
        return new ExtractedPage(source.url(), title, rawText, normalized, null, facts.documents(), List.of(), null,
                written, DocumentDetails.NONE, facts.checks(), false, text.truncated(), text.cut());
    }

    /** Whether a column page lists an item whose title contains the page's own title (栏目 named like its document). */
    private static boolean listsItself(String title, List<ListEntry> entries) {
        String t = title.replaceAll("\\s+", "");
        return !t.isEmpty() && entries.stream().anyMatch(e -> e.title().replaceAll("\\s+", "").contains(t));
    }

    /** The documents of a page and the content checks made on them. */
    private record Facts(List<Document> documents, List<Object> checks) {
    }

    /**
     * Builds the page's documents: the baseline kinds when the title names one, else the other kinds
     * ({@link MoreKinds}); then reads the content checks of 年报, 三公经费, 权责清单 and 政策解读.
     */
    private static Facts facts(PageSource source, String title, List<KindClassifier.KindYear> kinds, String normalized,
                               LocalDate published, LocalDate written, DocumentDetails details, int listEntries,
                               org.jsoup.nodes.Document doc) {
        if (kinds.isEmpty()) {
            kinds = MoreKinds.classify(new MoreKinds.Page(title, normalized, details, listEntries));
        }
        List<Document> documents = new ArrayList<>();
        for (KindClassifier.KindYear k : kinds) {
            Set<GuideField> fields = k.kind() == DocumentKind.DISCLOSURE_GUIDE ? GuideFields.detect(normalized) : Set.of();
            boolean money = k.kind() == DocumentKind.DEPARTMENT_BUDGET || k.kind() == DocumentKind.DEPARTMENT_FINAL_ACCOUNTS
                    || k.kind() == DocumentKind.SAN_GONG_FUNDS;
            documents.add(new Document(k.kind(), title, source.url(), source.fetchedAt(), source.warcRecordId(), k.year(),
                    published, written, fields, money && SanGong.present(normalized), details));
        }
        List<Object> checks = new ArrayList<>(SanGongReader.read(documents, title, normalized, details.issuers()));
        for (Document d : documents) {
            switch (d.kind()) {
                case ANNUAL_REPORT -> {
                    List<String> problems = doc == null ? null
                            : AnnualReportReader.tableProblems(doc.select("table").stream()
                                    .filter(t -> t.select("table table").isEmpty()).toList());
                    checks.add(new AnnualReportContent(d.yearCovered(), AnnualReportReader.sections(normalized),
                            problems == null ? null : problems.isEmpty(), problems, d.evidence()));
                }
                case POWER_LIST -> checks.add(new PowerListContent(PowerListReader.fields(normalized), d.evidence()));
                case POLICY_INTERPRETATION -> checks.add(InterpretationReader.read(title, doc, d.evidence()));
                default -> {
                }
            }
        }
        return new Facts(documents, checks);
    }

    /** Lines ready for label matching: pinyin pairs removed. */
    private static List<String> prepared(String text) {
        return Arrays.stream(TextNormalizer.removePinyinPairs(text).split("\n")).toList();
    }

    private static String firstLines(String text) {
        return String.join("\n", Arrays.stream(text.split("\n")).limit(12).toList());
    }

    private static LocalDate date(String value) {
        return value == null ? null : ChineseDates.first(TextNormalizer.foldWidth(value));
    }

    private static String firstMeta(org.jsoup.nodes.Document doc, String... names) {
        for (String n : names) {
            String v = TitleFinder.metaContent(doc, n);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /**
     * A text rendering without a 标题 header: the line just above the first 发布时间/发布日期 line (pages show the
     * title right above its byline), else the first non-empty line.
     */
    private static String lineBeforeDateLabel(String text) {
        String previous = "";
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (DATE_LABEL.matcher(TextNormalizer.normalize(l)).lookingAt() && previous.length() >= 4
                    && previous.length() <= 100) {
                return previous;
            }
            previous = l;
        }
        return firstNonEmptyLine(text);
    }

    private static String firstNonEmptyLine(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                return l.length() > 120 ? l.substring(0, 120) : l;
            }
        }
        return "";
    }

    /** The file name without extension, URL-decoded (UTF-8, else GB18030 as older sites encode it). */
    static String fileStem(String url) {
        String decoded = fileName(url);
        int dot = decoded.lastIndexOf('.');
        return (dot > 0 ? decoded.substring(0, dot) : decoded).strip();
    }

    /** The file name with its extension, URL-decoded (UTF-8, else GB18030 as older sites encode it). */
    static String fileName(String url) {
        if (url == null) {
            return "";
        }
        String path;
        try {
            path = URI.create(url.replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        if (path == null) {
            return "";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String decoded = percentDecode(name, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0) {
            decoded = percentDecode(name, Charset.forName("GB18030"));
        }
        return decoded.strip();
    }

    private static String percentDecode(String s, Charset cs) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), cs);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String extension(String url) {
        String stem = url == null ? "" : url.replaceAll("[?#].*$", "");
        int slash = stem.lastIndexOf('/');
        int dot = stem.lastIndexOf('.');
        return dot > slash ? stem.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
