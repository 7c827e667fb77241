package cn.gongkai.bench;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.report.ReportWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writing the workbook ({@code assessment.xlsx}: 说明, 排名 and one 得分卡 sheet per agency) for 3,000 agencies,
 * in a JVM limited to 512 MB of heap ({@code -Xmx512m}): the run fails with OutOfMemoryError if the writer does
 * not stream. No warm-up: an audit writes its workbook once per run, so the first write is the one that counts.
 * The agencies are copies, under distinct names, of real audit results (fixture and farm sites).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class WorkbookBenchmark {

    static final int AGENCIES = 3000;

    private AuditReport report;
    private Path file;

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<AgencyResult> base = BenchData.auditResults(20);
        List<AgencyResult> many = new ArrayList<>(AGENCIES);
        for (int i = 0; i < AGENCIES; i++) {
            AgencyResult r = base.get(i % base.size());
            Agency a = r.agency();
            Agency renamed = new Agency(a.name() + "（" + (i + 1) + "）", a.url(), a.type(), a.tier());
            many.add(new AgencyResult(renamed, r.visit(), r.documents(), r.observations(), r.findings(), r.score(),
                    r.maxScore(), i + 1, i + 1));
        }
        report = new AuditReport("bench", "cn-regulation-2019", "政府信息公开条例（2019）", "bench", BenchData.AS_OF,
                Instant.parse("2025-09-30T00:00:00Z"), many);
        file = Files.createTempFile("gongkai-bench", ".xlsx");
    }

    @Benchmark
    public Path write3000Agencies() {
        new ReportWriter().writeWorkbook(report, file);
        return file;
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(file);
    }
}
