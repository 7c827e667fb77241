package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.PowerListContent.Field;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which 权责清单 fields a page shows (职权名称、编码、类型、依据、行使主体、流程图、监督方式), from its table headers
 * or labels, with the synonyms CMSs use (事项名称, 实施主体, 设定依据 …).
 */
final class PowerListReader {

    private static final Map<Field, Pattern> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(Field.NAME, Pattern.compile("职权名称|权力名称|事项名称|权责事项名称|权力事项"));
        FIELDS.put(Field.CODE, Pattern.compile("编码|编号|事项代码"));
        FIELDS.put(Field.TYPE, Pattern.compile("职权类型|权力类型|事项类型|职权类别|权力类别|类型"));
        FIELDS.put(Field.BASIS, Pattern.compile("设定依据|实施依据|法律依据|职权依据|依据"));
        FIELDS.put(Field.EXERCISED_BY, Pattern.compile("行使主体|实施主体|责任主体|承办机构|行使层级"));
        FIELDS.put(Field.FLOWCHART, Pattern.compile("流程图|运行流程|办理流程"));
        FIELDS.put(Field.SUPERVISION, Pattern.compile("监督方式|监督电话|监督投诉|追责情形|监督渠道"));
    }

    private PowerListReader() {
    }

    static Set<Field> fields(String normalizedText) {
        Set<Field> found = EnumSet.noneOf(Field.class);
        FIELDS.forEach((f, p) -> {
            if (p.matcher(normalizedText).find()) {
                found.add(f);
            }
        });
        return found;
    }
}
