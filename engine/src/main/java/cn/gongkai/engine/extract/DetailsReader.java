package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.DocumentDetails;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link DocumentDetails} from a page's metadata block and meta tags: 索引号 (前段码/后段码), 主题分类,
 * 发文机关 (several when joined by 、), 文号 in its forms ({@code 国发〔2019〕5号}, {@code 国令第706号},
 * {@code 国办发明电〔2018〕15号}), 有效性/时效性, and the column from {@code ColumnName}, the text header 栏目 or
 * the breadcrumb. Only the block's own values count: a 文号 cited in the body is another document's.
 */
final class DetailsReader {

    /** 文号: issuer code + year in 〔〕 (or [] 【】 （）) + serial + 号, or 国令第N号 style. */
    static final Pattern DOC_NO = Pattern.compile(
            "[\\p{IsHan}A-Za-z]{1,20}\\s*[〔\\[［【(（]\\s*(?:19|20)\\d{2}\\s*[〕\\]］】)）]\\s*第?\\s*\\d{1,5}\\s*号"
                    + "|[\\p{IsHan}]{1,12}第\\s*\\d{1,5}\\s*号");
    private static final Pattern INDEX_NO = Pattern.compile("[0-9A-Za-z][0-9A-Za-z\\-]*(?:/[0-9A-Za-z\\-]+)*");
    private static final Pattern ISSUER_SPLIT = Pattern.compile("[、,，;；]+|\\s{2,}");
    private static final Pattern BREADCRUMB = Pattern.compile("^\\s*(?:当前位置|您的位置|您现在的位置|所在位置|當前位置)\\s*[:：]?(.*)$");
    private static final Pattern CRUMB_SPLIT = Pattern.compile("\\s*(?:>>|>|»|＞|→|/)\\s*");
    private static final Pattern NOT_COLUMN = Pattern.compile("正文|详情|详细|内容|文章");
    private static final Pattern NONE = Pattern.compile("无|—+|-+|/|暂无");

    private DetailsReader() {
    }

    /**
     * @param block       the metadata block (see {@link MetadataBlock})
     * @param columnMeta  the {@code ColumnName} meta tag, empty if none
     * @param rawText     the page text, for the breadcrumb
     */
    static DocumentDetails read(Map<String, String> block, String columnMeta, String rawText) {
        String column = !columnMeta.isBlank() ? columnMeta.strip() : block.get(MetadataBlock.COLUMN);
        if (column == null || column.isBlank()) {
            column = breadcrumbColumn(rawText);
        }
        return new DocumentDetails(indexNo(block.get(MetadataBlock.INDEX_NO)), value(block.get(MetadataBlock.TOPIC)),
                issuers(block.get(MetadataBlock.ISSUER)), docNo(block.get(MetadataBlock.DOC_NO)),
                value(block.get(MetadataBlock.VALIDITY)), column == null || column.isBlank() ? null : column.strip());
    }

    static String indexNo(String value) {
        String v = value(value);
        if (v == null) {
            return null;
        }
        Matcher m = INDEX_NO.matcher(TextNormalizer.foldWidth(v).replaceAll("\\s+", ""));
        return m.find() && m.group().length() >= 4 ? m.group() : null;
    }

    /** The 文号 as written, if the value is one; a value in no known form is kept when short (e.g. {@code 湘教函}). */
    static String docNo(String value) {
        String v = value(value);
        if (v == null) {
            return null;
        }
        Matcher m = DOC_NO.matcher(v);
        if (m.find()) {
            return m.group().replaceAll("\\s+", "");
        }
        String first = v.split("\\s+")[0];
        return first.length() <= 30 ? first : null;
    }

    static List<String> issuers(String value) {
        String v = value(value);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(ISSUER_SPLIT.split(v)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String value(String v) {
        if (v == null) {
            return null;
        }
        String s = v.replace('\u3000', ' ').strip();
        return s.isEmpty() || NONE.matcher(s).matches() ? null : s;
    }

    /** The last named column of a breadcrumb line ({@code 当前位置：首页 > 政府信息公开 > 政府信息公开年报}). */
    static String breadcrumbColumn(String rawText) {
        int n = 0;
        for (String line : rawText.split("\n")) {
            if (++n > 80) {
                break;
            }
            Matcher m = BREADCRUMB.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String[] parts = CRUMB_SPLIT.split(m.group(1).strip());
            for (int i = parts.length - 1; i >= 1; i--) {
                String p = parts[i].strip();
                if (!p.isEmpty() && p.length() <= 20 && !NOT_COLUMN.matcher(p).matches()) {
                    return p;
                }
            }
            return null;
        }
        return null;
    }
}
