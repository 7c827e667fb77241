package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.audit.Failpoint;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Streams the assessment workbook: 说明, 排名, then one 得分卡 per agency in rank order. Each scorecard's rows
 * leave the heap as soon as the sheet is complete, so the heap grows with the number of sheets, not rows.
 */
final class WorkbookWriter {

    private WorkbookWriter() {
    }

    /**
     * Writes {@code file} complete or not at all: the workbook is made as {@code NAME.part} and moved into place,
     * and its scratch files (sheet XML, links, the workbook before its links) go to the folder {@code NAME.tmp}
     * beside it, removed when done. A process killed part-way thus leaves only those two, which the next write of
     * the same file ({@code audit --resume}) replaces; nothing is left behind in the system temp folder.
     */
    static void write(AuditReport report, ReportContext context, Path file) throws IOException {
        Path scratch = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
        deleteTree(scratch);
        try {
            Files.createDirectories(scratch);
            AtomicFile.write(file, out -> write(report, context, out, scratch));
        } finally {
            deleteTree(scratch);
        }
    }

    /** Streams the workbook to {@code out}, with scratch files in {@code scratch} (null: the system temp folder). */
    static void write(AuditReport report, ReportContext context, OutputStream out, Path scratch) throws IOException {
        Render render = new Render(report, context);
        StreamingWorkbook workbook = new StreamingWorkbook(scratch);
        LinkSpool links = new LinkSpool(scratch);
        Path written = scratch == null ? Files.createTempFile("gongkai-workbook", ".xlsx")
                : Files.createTempFile(scratch, "gongkai-workbook", ".xlsx");
        try {
            CellWriter cells = new CellWriter(workbook, links);
            SheetNames names = new SheetNames();

            Sheet notes = workbook.createSheet(names.claim(NotesSheet.NAME));
            NotesSheet.write(notes, cells, render);
            StreamingWorkbook.finishSheet(notes);

            Sheet ranking = workbook.createSheet(names.claim(RankingSheet.NAME));
            RankingSheet.write(ranking, cells, render);
            StreamingWorkbook.finishSheet(ranking);

            Sheet matrix = workbook.createSheet(names.claim(MatrixSheet.NAME));
            MatrixSheet.write(matrix, cells, render);
            StreamingWorkbook.finishSheet(matrix);

            Sheet fixes = workbook.createSheet(names.claim(FixListSheet.NAME));
            FixListSheet.write(fixes, cells, render);
            StreamingWorkbook.finishSheet(fixes);

            if (render.comparison.present()) {
                Sheet changes = workbook.createSheet(names.claim(ChangesSheet.NAME));
                ChangesSheet.write(changes, cells, render);
                StreamingWorkbook.finishSheet(changes);
            }

            Sheet charts = workbook.createSheet(names.claim(ChartsSheet.NAME));
            ChartsSheet.write(charts, cells, render);
            StreamingWorkbook.finishSheet(charts);

            Sheet evidence = workbook.createSheet(names.claim(EvidenceSheet.NAME));
            EvidenceSheet.write(evidence, cells, render);
            StreamingWorkbook.finishSheet(evidence);

            int digits = Math.max(2, Integer.toString(report.agencies().size()).length());
            int index = 1;
            for (AgencyResult agency : report.agencies()) {
                String wanted = String.format("%0" + digits + "d %s", index++, agency.agency().name());
                Sheet sheet = workbook.createSheet(names.claim(wanted));
                ScorecardSheet.write(sheet, cells, agency, render);
                StreamingWorkbook.finishSheet(sheet);
                Failpoint.reached(Failpoint.WRITE_WORKBOOK);
            }
            workbook.setActiveSheet(1);
            try (OutputStream tmp = Files.newOutputStream(written)) {
                workbook.write(tmp);
            }
            workbook.dispose();
            workbook.close();
            links.copyWithLinks(written, out);
        } finally {
            workbook.dispose();
            workbook.close();
            links.close();
            Files.deleteIfExists(written);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
