package cn.gongkai.engine.fact;

/**
 * The unit that issued a document, as the page itself names it, and where the page says so. Attribution (does
 * this document count for the agency under assessment?) starts from it: a document naming another unit as its
 * issuer is never evidence for this agency (design: "The agency: scope and attribution").
 *
 * @param name    the unit as written (e.g. {@code 湘江市青山县教育局}); {@code null} when the page names none
 * @param source  where the name was read; the earlier sources in {@link Source} are the more reliable
 */
public record Issuer(String name, Source source) {

    /** Where a page names its issuing unit, most reliable first. */
    public enum Source {
        /** The 信息公开 metadata block: 发布机构, 发文机关, 信息来源. */
        METADATA,
        /** The {@code ContentSource} meta tag of 《政府网站发展指引》 pages. */
        META_TAG,
        /** The signature block (落款) at the end of the body. */
        SIGNATURE,
        /** The unit named at the start of the title ({@code XX县教育局2024年政府信息公开工作年度报告}). */
        TITLE,
        /** A {@code 来源：} line near the title (often a newspaper or the portal office, so weak). */
        SOURCE_LINE,
        /** The column tree the page sits in (the unit's own 信息公开 column). */
        COLUMN
    }

    /** No unit named anywhere on the page. */
    public static final Issuer UNKNOWN = new Issuer(null, null);

    public Issuer {
        if (name != null && name.isBlank()) {
            name = null;
        }
        if (name == null) {
            source = null;
        }
    }

    public boolean known() {
        return name != null;
    }
}
