package cn.gongkai.engine.fact;

/**
 * An attachment (PDF, DOC/DOCX, XLS/XLSX) the audit fetched but could not read, or read only in part. Without
 * this fact an agency whose 部门决算 is published as a PDF we cannot open would look as if it had published
 * nothing; with it the rules can say 待人工复核 and point the assessor at the file.
 *
 * <p>One fact per document kind the link names (a link "2024年部门决算及2025年部门预算" gives two, with the same
 * URL), or one with {@code kind == null} when the link names none of the kinds the extractor knows.
 *
 * @param url          the attachment as fetched
 * @param fileName     its file name, URL-decoded (what an assessor would see when downloading it)
 * @param linkText     the text of the link(s) that pointed at it ({@code ；}-separated when they differ), else the
 *                     file name without extension
 * @param kind         the document kind the link text (else the file name) names, as titles are classified;
 *                     {@code null} when it names none
 * @param yearCovered  the year written next to that kind; {@code null} when not stated
 * @param reason       why it could not be read, or where it was cut: Chinese / English
 * @param truncated    {@code true} when the file was read in part (text or page cap), {@code false} when it could
 *                     not be read at all. A truncated attachment still yields the documents its text shows.
 * @param source       the attachment's archived response
 */
public record UnreadableAttachment(String url, String fileName, String linkText, DocumentKind kind,
                                   Integer yearCovered, String reason, boolean truncated, Evidence source) {

    /** Whether the link names {@code kind} (any year). */
    public boolean names(DocumentKind kind) {
        return this.kind != null && this.kind == kind;
    }

    /** Whether the link names {@code kind} for {@code year}, or {@code kind} without saying which year. */
    public boolean names(DocumentKind kind, int year) {
        return names(kind) && (yearCovered == null || yearCovered == year);
    }

    /** The reason's Chinese half (before {@code " / "}), for explanations. */
    public String reasonCn() {
        if (reason == null) {
            return truncated ? "只读取了开头部分" : "无法读取";
        }
        int slash = reason.indexOf(" / ");
        return slash < 0 ? reason : reason.substring(0, slash);
    }

    /**
     * The explanation of a finding resting on this attachment, e.g. "找到附件《P0201.pdf》（链接文字“2024年部门决算”），
     * 但无法读取（文件已损坏或格式无法识别），未能自动确认其内容，请人工核对是否为2024年部门决算。".
     *
     * @param what  what the item looks for, as the finding says it (e.g. {@code 2024年部门决算})
     */
    public String reviewNote(String what) {
        return reviewNote(what, null);
    }

    /** As {@link #reviewNote(String)}, followed by what else the assessor should check ({@code null}: nothing). */
    public String reviewNote(String what, String alsoCheck) {
        String link = linkText == null || linkText.isBlank() || stem(fileName).equals(linkText) ? ""
                : "（链接文字“" + linkText + "”）";
        String state = truncated ? "，但文件过大，" + reasonCn() : "，但无法读取（" + reasonCn() + "）";
        return "找到附件《" + fileName + "》" + link + state + "，未能自动确认其内容，请人工核对是否为" + what
                + (alsoCheck == null || alsoCheck.isBlank() ? "" : "，" + alsoCheck) + "。";
    }

    private static String stem(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
