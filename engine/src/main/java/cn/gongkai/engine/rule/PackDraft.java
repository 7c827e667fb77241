package cn.gongkai.engine.rule;

import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.extract.PageSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts a pack from a 要点 or 分解表 document: every numbered item ({@code 一、}, {@code (一)}, {@code 1.}) in
 * document order, with its text, the area it sits under, and for a 分解表 the 牵头单位 and 责任单位 cells. The
 * document is read by the engine's extractor, so HTML, DOC/DOCX, Traditional characters and pinyin-pair
 * mojibake ({@code 發(fā)}) all come out as Simplified text first. Every drafted item is {@code manual} until an
 * assessor writes rules.
 */
public final class PackDraft {

    private static final String CN = "[一二三四五六七八九十]+";
    /** 一、 at the start of a line. */
    private static final Pattern LEVEL1 = Pattern.compile("(?m)^\\s*(" + CN + ")、\\s*");
    /** (一) anywhere a sentence or table cell starts: line start, or after a cell separator. */
    private static final Pattern LEVEL2 = Pattern.compile("(?m)(?:^|\\|)\\s*\\((" + CN + ")\\)\\s*");
    /** 1. / 1、 at the start of a line (not 2015.3 dates). */
    private static final Pattern LEVEL3 = Pattern.compile("(?m)^\\s*(\\d{1,2})[.、](?!\\d)\\s*");
    /** A 分解表 area row: the row number then the area cell, e.g. {@code 1 | 深化决策信息和权责清单公开 |}. */
    private static final Pattern AREA_ROW = Pattern.compile("(?m)^\\s*(\\d{1,2})\\s*\\n?\\s*\\|\\s*\\n?\\s*([^|()\\n]{2,40}?)\\s*\\|");
    private static final Pattern ATTACHMENT = Pattern.compile("(?m)^\\s*附件\\s*:");

    /** One drafted item. */
    public record Item(String number, int level, String area, String title, String text, List<String> lead,
                       List<String> responsible) {
    }

    private PackDraft() {
    }

    /** Reads a document's bytes (HTML, text, DOC/DOCX …) and drafts its items. */
    public static List<Item> draft(String fileName, byte[] bytes) {
        String text = new PageExtractor().extract(new PageSource(fileName, null, bytes, null, null)).normalizedText();
        return fromText(text);
    }

    /** Drafts items from Simplified, normalised text. */
    public static List<Item> fromText(String text) {
        List<Marker> markers = new ArrayList<>();
        collect(LEVEL1, 1, text, markers);
        collect(LEVEL2, 2, text, markers);
        collect(LEVEL3, 3, text, markers);
        Matcher att = ATTACHMENT.matcher(text);
        while (att.find()) markers.add(new Marker(att.start(), att.end(), 0, "附件"));
        Matcher area = AREA_ROW.matcher(text);
        while (area.find()) markers.add(new Marker(area.start(), area.end(), -1, area.group(2).strip()));
        markers.sort((a, b) -> Integer.compare(a.start, b.start));
        List<Item> items = new ArrayList<>();
        String l1 = "", l1Title = "", l2 = "", tableArea = "";
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            int end = i + 1 < markers.size() ? markers.get(i + 1).start : text.length();
            String body = text.substring(m.end, Math.max(m.end, end)).strip();
            switch (m.level) {
                case 0 -> { l1 = ""; l1Title = ""; l2 = ""; tableArea = ""; }
                case -1 -> tableArea = m.number;
                case 1 -> {
                    l1 = m.number;
                    l2 = "";
                    l1Title = firstSentence(body.lines().findFirst().orElse(""));
                    items.add(new Item(l1 + "、", 1, "", l1Title, oneLine(body), List.of(), List.of()));
                }
                case 2 -> {
                    l2 = "(" + m.number + ")";
                    String[] cells = body.split("\\|", -1);
                    String own = oneLine(cells[0]);
                    List<String> lead = cells.length > 1 ? units(cells[1]) : List.of();
                    List<String> responsible = cells.length > 2 ? units(cells[2]) : List.of();
                    String areaName = !tableArea.isEmpty() ? tableArea : l1Title;
                    items.add(new Item(l1 + l2, 2, areaName, firstSentence(own), own, lead, responsible));
                }
                default -> {
                    String own = oneLine(body.split("\\|", -1)[0]);
                    items.add(new Item(l1 + l2 + m.number + ".", 3, l1Title, firstSentence(own), own, List.of(), List.of()));
                }
            }
        }
        return items;
    }

    private record Marker(int start, int end, int level, String number) {
    }

    private static void collect(Pattern p, int level, String text, List<Marker> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Marker(m.start(1) - (level == 2 ? 1 : 0), m.end(), level, m.group(1)));
        }
    }

    /** The heading of an item: its text up to the first 。 (or the whole text when short). */
    static String firstSentence(String text) {
        String t = oneLine(text);
        int stop = t.indexOf('。');
        return stop > 0 ? t.substring(0, stop) : t;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", "").replaceAll("\\s+", " ").strip();
    }

    private static List<String> units(String cell) {
        return Arrays.stream(oneLine(cell).split("[、,，;；]"))
                .map(u -> u.replaceAll("[()]", "").strip())
                .filter(u -> !u.isEmpty())
                .toList();
    }

    /** The draft as {@code pack.yaml} text: every item {@code manual}, one point each, ready for an assessor. */
    public static String toYaml(String packId, String title, String source, List<Item> items) {
        StringBuilder sb = new StringBuilder();
        sb.append("# 由 gongkai packs draft 从 ").append(source).append(" 生成的规则包草稿。\n")
          .append("# 全部条目为 manual、1 分：请测评人员核对编号与文字，定分值、检查方式和适用范围后再编写规则。\n")
          .append("id: ").append(packId).append('\n')
          .append("title: ").append(q(title)).append('\n')
          .append("region: \"\"\nyear: 0\nversion: \"0\"\n")
          .append("source: ").append(q(source)).append('\n')
          .append("rules: []\nitems:\n");
        int n = 0;
        for (Item i : items) {
            n++;
            sb.append("  - id: ").append(packId.toUpperCase(java.util.Locale.ROOT)).append('-').append(String.format("%02d", n)).append('\n')
              .append("    item: ").append(q(i.number())).append('\n')
              .append("    title: ").append(q(i.title())).append('\n')
              .append("    area: ").append(q(i.area().isEmpty() ? i.title() : i.area())).append('\n')
              .append("    points: 1\n    check: manual\n")
              .append("    basis: ").append(q(i.number() + " " + i.text())).append('\n');
            if (!i.lead().isEmpty()) sb.append("    lead: ").append(list(i.lead())).append('\n');
            if (!i.responsible().isEmpty()) sb.append("    responsible: ").append(list(i.responsible())).append('\n');
        }
        return sb.toString();
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(PackDraft::q).toList()) + "]";
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
