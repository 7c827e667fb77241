package cn.gongkai.app.run;

import cn.gongkai.app.cli.BadInputException;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import cn.gongkai.report.ReviewRoundTrip;
import cn.gongkai.report.StoredReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finished runs read back for {@code rescore}, {@code compare} and {@code audit --previous}: the run's row in the
 * store says where its outputs are; the report is rebuilt from the run's {@code findings.json} and
 * {@code facts.json} (see {@link StoredReport}) and its pack's items.
 */
@Service
public class StoredRuns {

    private static final Logger log = LoggerFactory.getLogger(StoredRuns.class);

    private final RunStore store;

    StoredRuns(RunStore store) {
        this.store = store;
    }

    /** A finished run as a report, or a {@link BadInputException} naming what is missing. */
    public AuditReport load(String runId) {
        RunStore.RunSummary run = store.find(runId).orElseThrow(() -> new BadInputException(
                "找不到测评运行“" + runId + "”（可用 gongkai runs 查看）", "no run " + runId + " (see gongkai runs)"));
        if (!"DONE".equals(run.status())) {
            throw new BadInputException("测评运行“" + runId + "”未完成（状态 " + run.status() + "）",
                    "run " + runId + " did not finish (status " + run.status() + ")");
        }
        Path outDir = run.outDir() == null ? null : Path.of(run.outDir());
        if (outDir == null || !Files.isRegularFile(outDir.resolve(cn.gongkai.report.ReportWriter.FINDINGS))) {
            throw new BadInputException("测评运行“" + runId + "”的输出目录中没有 findings.json：" + outDir,
                    "run " + runId + " has no findings.json in " + outDir);
        }
        RulePack pack = pack(run.packId());
        return pack == null
                ? StoredReport.read(outDir, run.packId(), null, null, Double.NaN, List.of(), run.startedAt())
                : StoredReport.read(outDir, pack.title(), pack.source(), pack.version(), pack.partialShare(),
                pack.items(), run.startedAt());
    }

    /**
     * A finished run with its latest review applied, if it was reviewed: the scores an assessor publishes, and
     * so what year-over-year comparison starts from.
     */
    public AuditReport loadReviewed(String runId) {
        AuditReport report = load(runId);
        return store.latestReview(runId)
                .map(round -> ReviewRoundTrip.apply(report, round.reviews()))
                .orElse(report);
    }

    /** Whether a run has a stored review. */
    public boolean reviewed(String runId) {
        return store.latestReview(runId).isPresent();
    }

    /** Where a run's outputs are. */
    public Path outDir(String runId) {
        return store.find(runId).map(r -> Path.of(r.outDir())).orElseThrow();
    }

    private static RulePack pack(String id) {
        try {
            return RulePacks.resolve(id);
        } catch (RuntimeException e) {
            // A pack loaded from a folder that has since moved: areas and bases are then left blank.
            log.warn("规则包 {} 无法加载，得分卡不显示一级指标和依据：{}", id, e.getMessage());
            return null;
        }
    }
}
