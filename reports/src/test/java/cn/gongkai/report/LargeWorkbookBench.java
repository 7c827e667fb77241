package cn.gongkai.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures writing the workbook for many agencies (not a test: run it by hand with a chosen heap), e.g.
 * <pre>
 * mvn -q -pl reports -am test-compile
 * java -Xmx256m -cp "reports/target/test-classes:reports/target/classes:$(cat cp.txt)" cn.gongkai.report.LargeWorkbookBench 3000 60
 * </pre>
 */
public final class LargeWorkbookBench {

    private LargeWorkbookBench() {
    }

    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        var report = SampleReports.withPack(SampleReports.many(agencies, items));
        Path file = Files.createTempFile("bench", ".xlsx");
        long start = System.nanoTime();
        new ReportWriter().writeWorkbook(report, file);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%d agencies x %d items: %d ms, %.1f MB file, max heap %d MB%n", agencies, items, ms,
                Files.size(file) / 1e6, rt.maxMemory() >> 20);
        if (args.length > 2 && args[2].equals("read")) {
            start = System.nanoTime();
            int reviews = ReviewRoundTrip.read(file, report).size();
            System.out.printf("read back for rescore: %d reviews, %d ms%n", reviews, (System.nanoTime() - start) / 1_000_000);
        }
        Files.delete(file);
    }
}
