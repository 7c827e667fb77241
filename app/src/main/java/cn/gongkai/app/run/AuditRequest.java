package cn.gongkai.app.run;

import cn.gongkai.app.agency.AgencyList;
import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.Waivers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What to audit and how: the agencies, the pack, the assessment date, where outputs go, the crawl limits, and the
 * optional parts (the list file and pack reference that make a run resumable, console progress, waivers, a
 * previous run to compare with).
 *
 * @param agenciesFile   where {@code list} was read from; {@code null}: the run cannot be resumed
 * @param packRef        the pack id or folder as the user gave it (what a resume loads again)
 * @param progressEvery  interval of console progress lines; zero for none
 * @param waivers        findings they cover are marked 豁免
 * @param previousRunId  a stored run to compare with (变化 columns and the 进步与退步 sheet); {@code null} for none
 */
public record AuditRequest(AgencyList list, Path agenciesFile, String packRef, RulePack pack, LocalDate asOf,
                           Path outDir, CrawlSettings settings, int parallelSites, Duration progressEvery,
                           Waivers waivers, String previousRunId) {

    /** A request with no list file, no progress lines, no waivers and nothing to compare with. */
    public static AuditRequest of(AgencyList list, RulePack pack, LocalDate asOf, Path outDir, CrawlSettings settings,
                                  int parallelSites) {
        return new AuditRequest(list, null, pack.id(), pack, asOf, outDir, settings, parallelSites, Duration.ZERO,
                Waivers.NONE, null);
    }

    /** Makes the run resumable: the list file and the pack reference are stored with it. */
    public AuditRequest readFrom(Path file, String ref) {
        return new AuditRequest(list, file, ref, pack, asOf, outDir, settings, parallelSites, progressEvery, waivers,
                previousRunId);
    }

    public AuditRequest withProgressEvery(Duration every) {
        return new AuditRequest(list, agenciesFile, packRef, pack, asOf, outDir, settings, parallelSites, every, waivers,
                previousRunId);
    }

    public AuditRequest withWaivers(Waivers w) {
        return new AuditRequest(list, agenciesFile, packRef, pack, asOf, outDir, settings, parallelSites, progressEvery,
                w, previousRunId);
    }

    public AuditRequest comparedWith(String runId) {
        return new AuditRequest(list, agenciesFile, packRef, pack, asOf, outDir, settings, parallelSites, progressEvery,
                waivers, runId);
    }
}
