package cn.gongkai.engine.audit;

import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.fact.Agency;

/**
 * Hears an audit as it goes, so the caller can store pages and findings as soon as they exist (nothing
 * collected is lost if a later agency fails) and show progress. Called from crawl worker threads.
 */
public interface AuditListener {

    AuditListener NONE = new AuditListener() {
    };

    /** The audit starts: {@code sites} agencies, crawled by one crawler whose live totals are {@code counters}. */
    default void started(int sites, cn.gongkai.crawl.CrawlCounters counters) {
    }

    /** A worker starts crawling this agency's site (progress displays show the sites in flight). */
    default void siteStarted(Agency agency) {
    }

    /** A site has been crawled; its pages are in the WARC archive already. */
    default void siteCrawled(Agency agency, SiteCrawl crawl, java.util.List<ExtractedPage> pages) {
    }

    /** An agency has been evaluated and scored (not yet ranked). */
    default void agencyAssessed(AgencyResult result) {
    }
}
