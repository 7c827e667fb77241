package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.UnreadableAttachment;
import cn.gongkai.engine.rule.Finding;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 证据: every evidence page of every finding, with when it was fetched, the HTTP status, the SHA-256 of the body
 * kept and the WARC record holding it, so any verdict can be traced to the archived bytes. An attachment the audit
 * could not read, or read only in part ({@link UnreadableAttachment}), says so in 读取情况; one that no finding cites
 * gets a row of its own after the agency's findings, so the assessor sees every file the tool could not judge.
 */
final class EvidenceSheet {

    static final String NAME = "证据";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** One row; {@code finding} is {@code null} for an unreadable attachment no finding cites. */
    record Line(AgencyResult agency, Finding finding, Evidence evidence, EvidencePage page, String note) {
        Instant fetchedAt() {
            return evidence.fetchedAt() != null ? evidence.fetchedAt() : page == null ? null : page.fetchedAt();
        }
    }

    /** 考察点 of a row for an unreadable attachment that no finding cites. */
    static final String UNCITED = "（未计入考察点）无法读取的附件";

    static final List<Column<Line>> COLUMNS = List.of(
            Column.of("单位名称", Column.Kind.TEXT, l -> l.agency().agency().name()),
            Column.of("考察点", Column.Kind.TEXT, l -> l.finding() == null ? UNCITED : ScorecardSheet.itemText(l.finding())),
            Column.of("证据网址", Column.Kind.LINK, l -> l.evidence().url()),
            Column.of("页面标题", Column.Kind.TEXT, l -> l.evidence().label()),
            Column.of("抓取时间（北京时间）", Column.Kind.TEXT, l -> l.fetchedAt() == null ? null : TIME.format(l.fetchedAt())),
            Column.of("HTTP状态", Column.Kind.INTEGER, l -> l.page() == null ? null : l.page().httpStatus()),
            Column.of("内容哈希（SHA-256）", Column.Kind.TEXT, l -> l.page() == null ? null : l.page().sha256()),
            Column.of("WARC记录", Column.Kind.TEXT, l -> l.evidence().warcRecordId()),
            Column.of("规则编号", Column.Kind.TEXT, l -> l.finding() == null ? null : l.finding().rule()),
            Column.of("读取情况", Column.Kind.WRAP, Line::note));

    private EvidenceSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        SheetTable<Line> table = new SheetTable<>(sheet, cells, COLUMNS, 0);
        for (AgencyResult a : render.report.agencies()) {
            Map<String, UnreadableAttachment> unreadable = new LinkedHashMap<>();
            a.observations().stream().filter(UnreadableAttachment.class::isInstance).map(UnreadableAttachment.class::cast)
                    .forEach(u -> unreadable.putIfAbsent(u.url(), u));
            Set<String> cited = new HashSet<>();
            for (Finding f : a.findings()) {
                for (Evidence e : f.evidence()) {
                    UnreadableAttachment u = unreadable.get(e.url());
                    if (u != null) {
                        cited.add(u.url());
                    }
                    table.add(new Line(a, f, e, page(render, e), u == null ? null : note(u)));
                }
            }
            for (UnreadableAttachment u : unreadable.values()) {
                if (!cited.contains(u.url())) {
                    Evidence e = u.source() != null ? new Evidence(u.url(), u.source().fetchedAt(), u.source().warcRecordId(),
                            u.linkText()) : new Evidence(u.url(), null, null, u.linkText());
                    table.add(new Line(a, null, e, page(render, e), note(u)));
                }
            }
        }
        table.finish();
    }

    private static EvidencePage page(Render render, Evidence e) {
        return e.warcRecordId() == null ? null : render.context.pages().get(e.warcRecordId());
    }

    /** What the assessor reads in 读取情况: cut or unreadable, why, and the link text that named the file. */
    static String note(UnreadableAttachment u) {
        return (u.truncated() ? "只读取了部分内容：" : "无法读取：") + u.reasonCn()
                + (u.linkText() == null || u.linkText().isBlank() ? "" : "（链接文字“" + u.linkText() + "”）");
    }
}
