package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.GuideField;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which items of 条例第12条 a 政府信息公开指南 states, by keyword presence in its normalised text. A field
 * counts only if its own words appear: no 传真 in the text means no {@link GuideField#FAX}.
 */
final class GuideFields {

    private static final Map<GuideField, Pattern> PATTERNS = new EnumMap<>(GuideField.class);

    static {
        PATTERNS.put(GuideField.CLASSIFICATION, Pattern.compile("分类"));
        PATTERNS.put(GuideField.ORGANISATION, Pattern.compile("编排"));
        PATTERNS.put(GuideField.ACCESS_METHOD, Pattern.compile("获取方式|获取.{0,12}信息|获得.{0,6}信息的方式|查阅方式"));
        PATTERNS.put(GuideField.OFFICE_NAME, Pattern.compile("工作机构|机构名称|办公室名称|名称\\s*[:：]"));
        PATTERNS.put(GuideField.OFFICE_ADDRESS, Pattern.compile("办公地址|地址"));
        PATTERNS.put(GuideField.OFFICE_HOURS, Pattern.compile("办公时间|工作时间|受理时间"));
        PATTERNS.put(GuideField.PHONE, Pattern.compile("联系电话|电话"));
        PATTERNS.put(GuideField.FAX, Pattern.compile("传真"));
        PATTERNS.put(GuideField.ONLINE_CONTACT,
                Pattern.compile("电子邮箱|邮箱|电子邮件|(?i:e-?mail)|网址|互联网|网站地址|网上申请|在线申请"));
    }

    private GuideFields() {
    }

    static Set<GuideField> detect(String normalizedText) {
        Set<GuideField> out = EnumSet.noneOf(GuideField.class);
        for (Map.Entry<GuideField, Pattern> e : PATTERNS.entrySet()) {
            if (e.getValue().matcher(normalizedText).find()) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
