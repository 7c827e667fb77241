package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.SanGongFunds;
import cn.gongkai.engine.fact.SanGongFunds.Flavour;
import cn.gongkai.engine.fact.SanGongFunds.SanGongItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 三公经费 statements of a page (财预〔2016〕143号): one per 预算/决算 and year, with the unit, the four
 * items present (因公出国(境)费, 公务用车购置费, 公务用车运行费, 公务接待费) and whether changes are explained.
 * A 三公-only page whose title names no 预算/决算 but reports spending (使用情况, 支出情况) counts as a 决算: it
 * states money actually spent. Items and explanation are read from the whole page, shared by its statements.
 */
final class SanGongReader {

    private static final Map<SanGongItem, Pattern> ITEMS = Map.of(
            SanGongItem.TRAVEL_ABROAD, Pattern.compile("因公出国\\s*[(（]?\\s*境?\\s*[)）]?\\s*(?:费|经费)"),
            SanGongItem.VEHICLE_PURCHASE, Pattern.compile("公务用车购置"),
            SanGongItem.VEHICLE_OPERATION, Pattern.compile("公务用车运行"),
            SanGongItem.RECEPTION, Pattern.compile("公务接待"));
    private static final Pattern CHANGE = Pattern.compile("增加|减少|下降|增长|增支|减支|上升|降低|持平|增幅|降幅");
    private static final Pattern REASON = Pattern.compile("主要(?:原因|是)|原因是|原因为|由于|因为|系因");
    private static final Pattern YEAR_BEFORE_SAN_GONG = Pattern.compile("((?:19|20)\\d{2})\\s*年[^。]{0,30}?三公");
    private static final Pattern FINAL = Pattern.compile("决算");
    private static final Pattern BUDGET = Pattern.compile("预算(?!.{0,4}决算)");
    private static final Pattern SPENT = Pattern.compile("使用情况|支出情况|实际支出");
    private static final Pattern UNIT_END = Pattern.compile(
            "关于|(?:19|20)\\d{2}\\s*年|一般公共预算|部门|三公|[\"“‘「]|政府性基金|财政拨款|本级?单位");

    private SanGongReader() {
    }

    static List<SanGongFunds> read(List<Document> documents, String title, String normalizedText,
                                   List<String> issuers) {
        List<SanGongFunds> out = new ArrayList<>();
        Set<SanGongItem> items = items(normalizedText);
        boolean explained = explained(normalizedText);
        String unit = unit(title, issuers);
        String t = TextNormalizer.normalize(title).replaceAll("\\s+", "");
        for (Document d : documents) {
            var evidence = d.evidence();
            if (d.kind() == DocumentKind.DEPARTMENT_BUDGET && d.hasSanGong()) {
                out.add(new SanGongFunds(Flavour.BUDGET, d.yearCovered(), unit, items, explained, evidence));
            } else if (d.kind() == DocumentKind.DEPARTMENT_FINAL_ACCOUNTS && d.hasSanGong()) {
                out.add(new SanGongFunds(Flavour.FINAL_ACCOUNTS, d.yearCovered(), unit, items, explained, evidence));
            } else if (d.kind() == DocumentKind.SAN_GONG_FUNDS) {
                Matcher f = FINAL.matcher(t);
                Matcher b = BUDGET.matcher(t);
                boolean hasFinal = f.find();
                boolean hasBudget = b.find();
                if (hasFinal) {
                    Integer y = KindClassifier.yearNear(t, f.start(), f.end());
                    out.add(new SanGongFunds(Flavour.FINAL_ACCOUNTS, y == null ? d.yearCovered() : y, unit, items,
                            explained, evidence));
                }
                if (hasBudget && (!hasFinal || b.start() > f.end() || b.end() < f.start())) {
                    Integer y = KindClassifier.yearNear(t, b.start(), b.end());
                    if (!hasFinal || (y != null && !y.equals(out.get(0).year()))) {
                        out.add(new SanGongFunds(Flavour.BUDGET, y == null ? d.yearCovered() : y, unit, items,
                                explained, evidence));
                    }
                }
                if (!hasFinal && !hasBudget) {
                    Flavour flavour = SPENT.matcher(normalizedText).find() || normalizedText.contains("决算")
                            ? Flavour.FINAL_ACCOUNTS : Flavour.BUDGET;
                    out.add(new SanGongFunds(flavour, d.yearCovered(), unit, items, explained, evidence));
                }
            }
        }
        return out;
    }

    static Set<SanGongItem> items(String text) {
        Set<SanGongItem> found = EnumSet.noneOf(SanGongItem.class);
        ITEMS.forEach((item, p) -> {
            if (p.matcher(text).find()) {
                found.add(item);
            }
        });
        return found;
    }

    /** A change stated together with its reason, in one sentence. */
    static boolean explained(String text) {
        for (String sentence : text.split("[。；;\n]")) {
            if (CHANGE.matcher(sentence).find() && REASON.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /** The year right before the first mention of 三公 in the text ({@code 2017年1月“三公经费”}); {@code null} if none. */
    static Integer firstYear(String normalizedText, String title) {
        Matcher m = YEAR_BEFORE_SAN_GONG.matcher(normalizedText);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The unit named before the year or the money words in the title, else the first issuer. */
    static String unit(String title, List<String> issuers) {
        String t = TextNormalizer.foldWidth(title).replaceAll("\\s+", "").replaceFirst("^(?:19|20)\\d{2}年度?", "");
        Matcher m = UNIT_END.matcher(t);
        if (m.find() && m.start() >= 2 && m.start() <= 30) {
            return t.substring(0, m.start());
        }
        return issuers.isEmpty() ? null : issuers.get(0);
    }
}
