package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentDetails;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PageExtractor} read from one page or attachment.
 *
 * @param url             the source URL
 * @param title           the page title in the page's own characters; empty if none was found
 * @param rawText         the decoded text as the page shows it
 * @param normalizedText  Simplified characters, pinyin-pair mojibake removed, full-width forms folded and
 *                        whitespace collapsed: the text all keyword matching runs on
 * @param charset         the charset the bytes were decoded with ({@code null} for binary attachments)
 * @param documents       the 指南 / 年报 / 部门预算 / 部门决算 this page holds (two for a combined 决算+预算 page);
 *                        empty for any other page
 * @param listEntries     dated links when the page is a column list; empty otherwise
 * @param publishedOn     发布日期 (metadata block, {@code PubDate}, or a labelled date near the title); never a
 *                        date from the body text; {@code null} if none
 * @param writtenOn       成文日期 (metadata block, else the signature date after the issuer); {@code null} if none
 * @param details         the page's metadata block beyond dates (索引号, 文号, 发文机关, 有效性, column)
 * @param facts           content checks of the page's documents ({@link cn.gongkai.engine.fact.AnnualReportContent},
 *                        {@link cn.gongkai.engine.fact.SanGongFunds}, {@link cn.gongkai.engine.fact.PowerListContent},
 *                        {@link cn.gongkai.engine.fact.PolicyInterpretation})
 * @param unreadable      the bytes could not be read at all (corrupt PDF, broken workbook, zip bomb, parser
 *                        failure): the page has no text and no facts, and says so rather than looking merely empty
 * @param truncated       the file holds more than the extractor reads (text past {@code AttachmentText.MAX_CHARS}
 *                        characters, PDF pages past the page cap, an OOXML part too large to load whole): the text,
 *                        documents and facts are those of the part read, and the page says it was cut, as the
 *                        crawler notes a body cut at its byte cap
 * @param reason          why the page is unreadable, or where it was cut, Chinese / English (e.g. {@code 有密码保护 /
 *                        password-protected}, {@code 文本超过 1000000 字符，只读取了开头部分 / text cut at 1000000
 *                        characters}); {@code null} for a page read whole
 */
public record ExtractedPage(
        String url,
        String title,
        String rawText,
        String normalizedText,
        String charset,
        List<Document> documents,
        List<ListEntry> listEntries,
        LocalDate publishedOn,
        LocalDate writtenOn,
        DocumentDetails details,
        List<Object> facts,
        boolean unreadable,
        boolean truncated,
        String reason) {

    /** The reason given when the extractor knows no more than that the page was unreadable. */
    public static final String UNREADABLE = "无法读取 / unreadable";
    /** The reason given when the extractor knows no more than that the text was cut. */
    public static final String TRUNCATED = "文本截断，只读取了开头部分 / text cut, only its beginning was read";

    public ExtractedPage {
        title = title == null ? "" : title;
        rawText = rawText == null ? "" : rawText;
        normalizedText = normalizedText == null ? "" : normalizedText;
        documents = documents == null ? List.of() : List.copyOf(documents);
        listEntries = listEntries == null ? List.of() : List.copyOf(listEntries);
        details = details == null ? DocumentDetails.NONE : details;
        facts = facts == null ? List.of() : List.copyOf(facts);
        if (reason == null) {
            reason = unreadable ? UNREADABLE : truncated ? TRUNCATED : null;
        }
    }

    /** A page read whole, in part ({@link #truncated}) or not at all ({@link #unreadable}), with the generic reason. */
    public ExtractedPage(String url, String title, String rawText, String normalizedText, String charset,
                         List<Document> documents, List<ListEntry> listEntries, LocalDate publishedOn,
                         LocalDate writtenOn, DocumentDetails details, List<Object> facts, boolean unreadable,
                         boolean truncated) {
        this(url, title, rawText, normalizedText, charset, documents, listEntries, publishedOn, writtenOn, details,
                facts, unreadable, truncated, null);
    }

    /** A page read whole, or not at all (see {@link #unreadable}). */
    public ExtractedPage(String url, String title, String rawText, String normalizedText, String charset,
                         List<Document> documents, List<ListEntry> listEntries, LocalDate publishedOn,
                         LocalDate writtenOn, DocumentDetails details, List<Object> facts, boolean unreadable) {
        this(url, title, rawText, normalizedText, charset, documents, listEntries, publishedOn, writtenOn, details,
                facts, unreadable, false);
    }

    /** A page that was read (see {@link #unreadable}). */
    public ExtractedPage(String url, String title, String rawText, String normalizedText, String charset,
                         List<Document> documents, List<ListEntry> listEntries, LocalDate publishedOn,
                         LocalDate writtenOn, DocumentDetails details, List<Object> facts) {
        this(url, title, rawText, normalizedText, charset, documents, listEntries, publishedOn, writtenOn, details,
                facts, false);
    }

    /** What is known of a page whose bytes could not be read: its URL, and that it was unreadable. */
    public static ExtractedPage unreadable(String url) {
        return unreadable(url, null);
    }

    /** What is known of a page whose bytes could not be read, and why ({@code 中文 / English}). */
    public static ExtractedPage unreadable(String url, String reason) {
        return new ExtractedPage(url, "", "", "", null, List.of(), List.of(), null, null, null, null, true, false,
                reason);
    }

    /** A page without metadata details or content checks. */
    public ExtractedPage(String url, String title, String rawText, String normalizedText, String charset,
                         List<Document> documents, List<ListEntry> listEntries, LocalDate publishedOn,
                         LocalDate writtenOn) {
        this(url, title, rawText, normalizedText, charset, documents, listEntries, publishedOn, writtenOn, null, null);
    }
}
