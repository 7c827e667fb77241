package cn.gongkai.engine.audit;

import cn.gongkai.crawl.FetchFailure;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.extract.ListEntry;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.extract.PageSource;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.SiteVisit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one site's crawl into facts: the extracted pages, the documents they hold, and the visit summary.
 */
final class SiteFacts {

    private final List<ExtractedPage> pages;
    private final List<Document> documents;
    private final SiteVisit visit;

    private SiteFacts(List<ExtractedPage> pages, List<Document> documents, SiteVisit visit) {
        this.pages = pages;
        this.documents = documents;
        this.visit = visit;
    }

    static SiteFacts of(String siteUrl, SiteCrawl crawl, PageExtractor extractor) {
        List<ExtractedPage> pages = new ArrayList<>();
        for (FetchedPage p : crawl.pages()) {
            pages.add(extractor.extract(new PageSource(p.url(), p.contentType(), p.body(), p.fetchedAt(), p.warcRecordId())));
        }
        SiteVisit visit = new SiteVisit(siteUrl, crawl.seedReached(), crawl.pages().size(), crawl.failures().size(),
                crawl.seedReached() ? null : seedError(crawl));
        return new SiteFacts(pages, documents(pages), visit);
    }

    /**
     * Documents of all pages, once each. An attachment linked straight from a column list carries no date of
     * its own: it takes the date the list shows beside its link, as an assessor would read it.
     */
    static List<Document> documents(List<ExtractedPage> pages) {
        Map<String, java.time.LocalDate> listedDates = new HashMap<>();
        for (ExtractedPage page : pages) {
            for (ListEntry e : page.listEntries()) {
                if (e.date() != null) {
                    listedDates.putIfAbsent(sameResource(e.url()), e.date());
                }
            }
        }
        Map<String, Document> unique = new LinkedHashMap<>();
        for (ExtractedPage page : pages) {
            for (Document d : page.documents()) {
                java.time.LocalDate listed = listedDates.get(sameResource(d.url()));
                Document dated = d.publishedOn() != null || listed == null ? d
                        : d.withPublishedOn(listed);
                unique.putIfAbsent(d.kind() + "|" + d.yearCovered() + "|" + d.url(), dated);
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * One spelling per resource: a list links {@code 预算.pdf} with raw Chinese while the crawler requested it
     * percent-encoded.
     */
    static String sameResource(String url) {
        try {
            return java.net.URLDecoder.decode(url.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String seedError(SiteCrawl crawl) {
        return crawl.failures().stream()
                .filter(f -> f.referrer() == null)
                .map(FetchFailure::error)
                .findFirst()
                .orElse(crawl.failures().isEmpty() ? "首页未能读取" : crawl.failures().get(0).error());
    }

    List<ExtractedPage> pages() {
        return pages;
    }

    List<Document> documents() {
        return documents;
    }

    /** Site-level facts beyond documents; none are derived yet. */
    List<Object> observations() {
        return List.of();
    }

    SiteVisit visit() {
        return visit;
    }
}
