package cn.gongkai.engine.audit;

import cn.gongkai.crawl.CrawlSettings;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.crawl.SiteCrawler;
import cn.gongkai.crawl.WarcArchive;
import cn.gongkai.crawl.WarcReplay;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyFacts;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.Waivers;
import cn.gongkai.engine.score.Ranking;
import cn.gongkai.engine.score.Score;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

/**
 * The engine's front door: audits a list of agencies against one rule pack as of an explicit date.
 * Sites are crawled concurrently ({@code parallelSites} at once, each politely), every response goes to one WARC
 * archive, and each agency's facts are extracted and evaluated on a CPU pool as soon as its crawl ends, while its
 * crawl slot moves on to the next site. An agency whose site fails is still
 * assessed (as unreachable); it never stops the others.
 */
public final class Audit {

    private static final Logger log = LoggerFactory.getLogger(Audit.class);

    private final RuleEvaluator evaluator;
    private final CrawlSettings settings;
    private final int parallelSites;
    private final PageExtractor extractor = new PageExtractor();

    public Audit(RulePack pack, CrawlSettings settings, int parallelSites) {
        this(pack, settings, parallelSites, Waivers.NONE);
    }

    /** An audit whose findings covered by {@code waivers} are marked 豁免 (still shown, out of the full marks). */
    public Audit(RulePack pack, CrawlSettings settings, int parallelSites, Waivers waivers) {
        this.evaluator = new RuleEvaluator(pack, waivers);
        this.settings = settings;
        this.parallelSites = Math.max(1, parallelSites);
    }

    /**
     * Runs the audit. Returns agencies ranked (overall and within tier), in rank order.
     *
     * @param archive  where every request and response is kept as evidence
     */
    public AuditReport run(String runId, List<Agency> agencies, LocalDate asOf, WarcArchive archive,
                           AuditListener listener) throws InterruptedException {
        return run(runId, agencies, asOf, archive, WarcReplay.none(), listener);
    }

    /**
     * Runs the audit, answering from {@code replay} every request whose response an interrupted run of this
     * audit already archived (resume), and fetching the rest into {@code archive}. One crawler serves every site,
     * so per-host and per-IP politeness hold across agencies sharing a portal or a platform.
     */
    public AuditReport run(String runId, List<Agency> agencies, LocalDate asOf, WarcArchive archive,
                           WarcReplay replay, AuditListener listener) throws InterruptedException {
        Instant started = Instant.now();
        SiteCrawler crawler = new SiteCrawler(settings, archive, replay);
        listener.started(agencies.size(), crawler.counters());
        // Crawling waits on politeness, assessing uses the CPU: a site's crawl slot is freed as soon as its
        // crawl ends, and extraction + rules run on a pool sized to the cores. At most 2 × parallelSites crawled
        // sites wait for the CPU, so a slow CPU stage holds back the crawl instead of filling the heap.
        int crawlThreads = Math.min(parallelSites, Math.max(1, agencies.size()));
        ExecutorService crawlPool = Executors.newFixedThreadPool(crawlThreads);
        ExecutorService cpuPool = Executors.newFixedThreadPool(cpuThreads());
        Semaphore inFlight = new Semaphore(2 * crawlThreads);
        try {
            List<CompletableFuture<AgencyResult>> futures = new ArrayList<>();
            for (Agency agency : agencies) {
                futures.add(CompletableFuture.supplyAsync(() -> crawl(agency, crawler, inFlight, listener), crawlPool)
                        .thenApplyAsync(crawl -> {
                            try {
                                return assess(agency, crawl, asOf, listener);
                            } finally {
                                inFlight.release();
                            }
                        }, cpuPool));
            }
            List<AgencyResult> results = new ArrayList<>();
            for (CompletableFuture<AgencyResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : e.getCause();
                    throw new IllegalStateException("审计失败 / audit failed: " + cause.getMessage(), cause);
                }
            }
            RulePack pack = evaluator.pack();
            return new AuditReport(runId, pack.id(), pack.title(), pack.source(), asOf, started, ranked(results),
                    pack.version(), pack.partialShare(), pack.items());
        } finally {
            crawlPool.shutdownNow();
            cpuPool.shutdownNow();
        }
    }

    /** Threads for extraction and rules: the cores, at least two so one large site does not stall the rest. */
    static int cpuThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private static SiteCrawl crawl(Agency agency, SiteCrawler crawler, Semaphore inFlight, AuditListener listener) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        try {
            log.info("开始抽查 {} {}", agency.name(), agency.url());
            listener.siteStarted(agency);
            return crawler.crawl(URI.create(agency.url()));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private AgencyResult assess(Agency agency, SiteCrawl crawl, LocalDate asOf, AuditListener listener) {
        SiteFacts facts = SiteFacts.of(agency.url(), crawl, extractor);
        listener.siteCrawled(agency, crawl, facts.pages());
        AgencyFacts agencyFacts = new AgencyFacts(agency, facts.visit(), facts.documents(), facts.observations());
        List<Finding> findings = evaluator.evaluate(agencyFacts, asOf);
        Score score = Score.of(findings, evaluator.pack().scoring());
        AgencyResult result = new AgencyResult(agency, facts.visit(), facts.documents(), facts.observations(), findings,
                score.awarded(), score.fullMarks(), 0, 0);
        listener.agencyAssessed(result);
        log.info("完成 {}：{} 页，得分 {}/{}", agency.name(), crawl.pages().size(), score.awarded(), score.fullMarks());
        return result;
    }

    /** Ranks by percentage of applicable full marks, so agencies with items not applicable compare fairly. */
    public static List<AgencyResult> ranked(List<AgencyResult> results) {
        Map<AgencyResult, Integer> overall = Ranking.rank(results, AgencyResult::percentage);
        Map<AgencyResult, Integer> tier = Ranking.rankWithin(results, r -> r.agency().tier(), AgencyResult::percentage);
        return results.stream()
                .map(r -> r.ranked(overall.get(r), tier.get(r)))
                .sorted(Comparator.comparingInt(AgencyResult::rank).thenComparing(r -> r.agency().name()))
                .toList();
    }
}
