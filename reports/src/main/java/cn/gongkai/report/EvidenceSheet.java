package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.rule.Finding;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 证据: every evidence page of every finding, with when it was fetched, the HTTP status, the SHA-256 of the body
 * kept and the WARC record holding it, so any verdict can be traced to the archived bytes.
 */
final class EvidenceSheet {

    static final String NAME = "证据";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    record Line(AgencyResult agency, Finding finding, Evidence evidence, EvidencePage page) {
        Instant fetchedAt() {
            return evidence.fetchedAt() != null ? evidence.fetchedAt() : page == null ? null : page.fetchedAt();
        }
    }

    static final List<Column<Line>> COLUMNS = List.of(
            Column.of("单位名称", Column.Kind.TEXT, l -> l.agency().agency().name()),
            Column.of("考察点", Column.Kind.TEXT, l -> ScorecardSheet.itemText(l.finding())),
            Column.of("证据网址", Column.Kind.LINK, l -> l.evidence().url()),
            Column.of("页面标题", Column.Kind.TEXT, l -> l.evidence().label()),
            Column.of("抓取时间（北京时间）", Column.Kind.TEXT, l -> l.fetchedAt() == null ? null : TIME.format(l.fetchedAt())),
            Column.of("HTTP状态", Column.Kind.INTEGER, l -> l.page() == null ? null : l.page().httpStatus()),
            Column.of("内容哈希（SHA-256）", Column.Kind.TEXT, l -> l.page() == null ? null : l.page().sha256()),
            Column.of("WARC记录", Column.Kind.TEXT, l -> l.evidence().warcRecordId()),
            Column.of("规则编号", Column.Kind.TEXT, l -> l.finding().rule()));

    private EvidenceSheet() {
    }

    static void write(Sheet sheet, CellWriter cells, Render render) {
        SheetTable<Line> table = new SheetTable<>(sheet, cells, COLUMNS, 0);
        for (AgencyResult a : render.report.agencies()) {
            for (Finding f : a.findings()) {
                for (Evidence e : f.evidence()) {
                    EvidencePage page = e.warcRecordId() == null ? null : render.context.pages().get(e.warcRecordId());
                    table.add(new Line(a, f, e, page));
                }
            }
        }
        table.finish();
    }
}
