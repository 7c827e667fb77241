package cn.gongkai.engine.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key/value block government article pages carry above the text (索引号, 主题分类, 发文机关, 成文日期,
 * 标题, 文号, 发布日期), read from lines that start with a known label. Labels may be spaced
 * ({@code 索 引 号}, {@code 标　　题}) or Traditional ({@code 發布日期}); several pairs may share a line, as in
 * a table row. Values are kept in the page's own characters.
 */
final class MetadataBlock {

    static final String INDEX_NO = "索引号";
    static final String TOPIC = "主题分类";
    static final String ISSUER = "发文机关";
    static final String WRITTEN = "成文日期";
    static final String PUBLISHED = "发布日期";
    static final String DOC_NO = "文号";
    static final String TITLE = "标题";
    static final String COLUMN = "栏目";
    static final String VALIDITY = "有效性";
    static final String OTHER = "其他";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        label(INDEX_NO, "索引号", "索引號");
        label(TOPIC, "主题分类", "主題分類", "信息分类", "信息分類");
        label(ISSUER, "发文机关", "發文機關", "发布机构", "發布機構", "发文单位", "發文單位", "发布单位", "發布單位");
        label(WRITTEN, "成文日期", "成文时间", "成文時間", "生成日期", "形成日期");
        label(PUBLISHED, "发布日期", "發布日期", "发布时间", "發布時間", "公开日期", "公開日期", "公开时间", "公開時間");
        label(DOC_NO, "发文字号", "發文字號", "文号", "文號");
        label(TITLE, "标题", "標題", "文件标题", "文件標題");
        label(COLUMN, "栏目", "欄目");
        label(VALIDITY, "有效性", "時效性", "时效性", "效力状态", "效力狀態", "有效状态");
        label(OTHER, "主题词", "主題詞", "来源", "來源", "信息来源", "原文链接", "本地目录", "体裁分类",
                "组配分类", "服务对象");
    }

    private static final Pattern LABEL;

    static {
        StringBuilder alt = new StringBuilder();
        LABELS.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(l -> {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(String.join("\\s*", l.split("")));
        });
        LABEL = Pattern.compile("(" + alt + ")\\s*[:：]");
    }

    private MetadataBlock() {
    }

    private static void label(String canonical, String... variants) {
        for (String v : variants) {
            LABELS.put(v, canonical);
        }
    }

    /**
     * Parses lines (pinyin pairs already removed). Only lines that start with a label and are
     * shorter than {@code maxLine} count; the first value seen for a key wins.
     */
    static Map<String, String> parse(List<String> lines, int maxLine) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : lines) {
            String original = raw.strip();
            if (original.isEmpty() || original.length() > maxLine) {
                continue;
            }
            // Folding is one char to one char, so positions found in the folded line hold in the original.
            String line = TextNormalizer.foldWidth(original);
            Matcher m = LABEL.matcher(line);
            if (!m.lookingAt()) {
                continue;
            }
            int pos = 0;
            while (m.find(pos)) {
                String key = LABELS.get(m.group(1).replaceAll("\\s+", ""));
                int valueStart = m.end();
                Matcher next = LABEL.matcher(line);
                int valueEnd = next.find(valueStart) ? next.start() : line.length();
                String value = original.substring(valueStart, valueEnd).strip();
                if (key != null && !value.isEmpty() && !out.containsKey(key)) {
                    out.put(key, value);
                }
                if (valueEnd >= line.length()) {
                    break;
                }
                pos = valueEnd;
            }
        }
        return out;
    }
}
