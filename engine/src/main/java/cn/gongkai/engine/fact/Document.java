package cn.gongkai.engine.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A document the agency published, as read from one page or attachment.
 *
 * @param kind          what the document is (by content, not by column)
 * @param title         title as published, in the page's own characters
 * @param url           where it was fetched
 * @param fetchedAt     when the page was fetched; {@code null} for saved files
 * @param warcRecordId  the WARC response record that proves what the page showed; {@code null} for saved files
 * @param yearCovered   the year the document is about (budget year, year reported on); {@code null} if unknown
 * @param publishedOn   发布日期 from the metadata block, {@code PubDate} or a labelled date; {@code null} if none
 * @param writtenOn     成文日期 where the page states it; {@code null} otherwise
 * @param guideFields   for a 指南: which 第12条 items it states (see {@link GuideField}); empty otherwise
 * @param hasSanGong    for 预算/决算: whether a 三公经费 section or table is present
 * @param details       the rest of the metadata block (索引号, 文号, 发文机关, 有效性 …)
 * @param issuer        the unit that issued it, as the page names it ({@link Issuer#UNKNOWN} when it names none)
 * @param attribution   whether it counts for the agency whose facts hold it (set by the audit; OWN on extraction)
 */
public record Document(
        DocumentKind kind,
        String title,
        String url,
        Instant fetchedAt,
        String warcRecordId,
        Integer yearCovered,
        LocalDate publishedOn,
        LocalDate writtenOn,
        Set<GuideField> guideFields,
        boolean hasSanGong,
        DocumentDetails details,
        Issuer issuer,
        Attribution attribution) {

    public Document {
        guideFields = guideFields == null ? Set.of() : Set.copyOf(guideFields);
        details = details == null ? DocumentDetails.NONE : details;
        issuer = issuer == null ? Issuer.UNKNOWN : issuer;
        attribution = attribution == null ? Attribution.OWN : attribution;
    }

    /**
     * A document whose issuer is the first 发文机关/发布机构 of its metadata block, if any, and that counts as the
     * agency's own until the audit attributes it.
     */
    public Document(DocumentKind kind, String title, String url, Instant fetchedAt, String warcRecordId,
                    Integer yearCovered, LocalDate publishedOn, LocalDate writtenOn, Set<GuideField> guideFields,
                    boolean hasSanGong, DocumentDetails details) {
        this(kind, title, url, fetchedAt, warcRecordId, yearCovered, publishedOn, writtenOn, guideFields, hasSanGong,
                details, details == null || details.issuers().isEmpty() ? Issuer.UNKNOWN
                        : new Issuer(String.join("、", details.issuers()), Issuer.Source.METADATA), Attribution.OWN);
    }

    /** A document whose page states nothing beyond the core facts. */
    public Document(DocumentKind kind, String title, String url, Instant fetchedAt, String warcRecordId,
                    Integer yearCovered, LocalDate publishedOn, LocalDate writtenOn, Set<GuideField> guideFields,
                    boolean hasSanGong) {
        this(kind, title, url, fetchedAt, warcRecordId, yearCovered, publishedOn, writtenOn, guideFields, hasSanGong,
                DocumentDetails.NONE);
    }

    /** The same document with another publication date (an attachment dated by the list that links it). */
    public Document withPublishedOn(LocalDate date) {
        return new Document(kind, title, url, fetchedAt, warcRecordId, yearCovered, date, writtenOn, guideFields,
                hasSanGong, details, issuer, attribution);
    }

    /** The same document with its issuing unit. */
    public Document withIssuer(Issuer unit) {
        return new Document(kind, title, url, fetchedAt, warcRecordId, yearCovered, publishedOn, writtenOn,
                guideFields, hasSanGong, details, unit, attribution);
    }

    /** The same document as the audit attributed it to the agency under assessment. */
    public Document withAttribution(Attribution a) {
        return new Document(kind, title, url, fetchedAt, warcRecordId, yearCovered, publishedOn, writtenOn,
                guideFields, hasSanGong, details, issuer, a);
    }

    /**
     * Whether this document was published after {@code other}; a dated document is newer than an undated one.
     * Rules use it to judge only the newest 指南.
     */
    public boolean newerThan(Document other) {
        return publishedOn != null && (other.publishedOn == null || publishedOn.isAfter(other.publishedOn));
    }

    /** The evidence pointer for findings based on this document. */
    public Evidence evidence() {
        return new Evidence(url, fetchedAt, warcRecordId, title);
    }
}
