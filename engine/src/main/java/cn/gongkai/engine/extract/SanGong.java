package cn.gongkai.engine.extract;

import java.util.regex.Pattern;

/**
 * Whether a 预算/决算 text carries a 三公经费 section or table (财预〔2016〕143号): the phrase {@code 三公经费}
 * (quoted or not), or both items 因公出国(境)费 and 公务接待费.
 */
final class SanGong {

    private static final Pattern PHRASE = Pattern.compile("三公[\"'“”‘’「」『』]?\\s*经费");
    private static final Pattern ABROAD = Pattern.compile("因公出国\\s*[(（]\\s*境\\s*[)）]");

    private SanGong() {
    }

    static boolean present(String normalizedText) {
        return PHRASE.matcher(normalizedText).find()
                || (ABROAD.matcher(normalizedText).find() && normalizedText.contains("公务接待"));
    }
}
