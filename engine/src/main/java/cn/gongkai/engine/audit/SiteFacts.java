package cn.gongkai.engine.audit;

import cn.gongkai.crawl.FetchFailure;
import cn.gongkai.crawl.FetchedPage;
import cn.gongkai.crawl.SiteCrawl;
import cn.gongkai.engine.extract.ExtractedPage;
import cn.gongkai.engine.extract.ListEntry;
import cn.gongkai.engine.extract.PageExtractor;
import cn.gongkai.engine.extract.PageSource;
import cn.gongkai.engine.fact.ColumnUpdate;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.HomePageUpdate;
import cn.gongkai.engine.fact.LinkFailure;
import cn.gongkai.engine.fact.UnreadableAttachment;
import java.time.LocalDate;
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

    private final List<Object> observations;

    private SiteFacts(List<ExtractedPage> pages, List<Document> documents, SiteVisit visit, List<Object> observations) {
        this.pages = pages;
        this.documents = documents;
        this.visit = visit;
        this.observations = observations;
    }

    /** The crawler's note when a site stopped answering part-way (errors in a row), without its prefix. */
    static String interruption(SiteCrawl crawl) {
        String prefix = "crawl stopped early: ";
        return crawl.notes().stream().filter(n -> n.startsWith(prefix + "server error storm"))
                .map(n -> n.substring(prefix.length())).findFirst().orElse(null);
    }

    static SiteFacts of(String siteUrl, SiteCrawl crawl, PageExtractor extractor) {
        List<ExtractedPage> pages = new ArrayList<>();
        for (FetchedPage p : crawl.pages()) {
            pages.add(extractor.extract(new PageSource(p.url(), p.contentType(), p.body(), p.fetchedAt(), p.warcRecordId())));
            Failpoint.reached(Failpoint.EXTRACT_PAGE);
        }
        SiteVisit visit = new SiteVisit(siteUrl, crawl.seedReached(), crawl.pages().size(), crawl.failures().size(),
                crawl.seedReached() ? null : seedError(crawl), crawl.seedReached() ? interruption(crawl) : null);
        List<Object> observations = new ArrayList<>(observations(crawl, pages));
        observations.addAll(unreadableAttachments(crawl, pages, extractor));
        return new SiteFacts(pages, documents(pages), visit, observations);
    }

    /**
     * Site-level facts: the content checks of each page (年报 sections, 三公经费, 权责清单 fields, 解读 targets), one
     * {@link ColumnUpdate} per column list page (a page with dated links, or one saying 暂无信息: an empty
     * column), the home page's newest dated item ({@link HomePageUpdate}: its own dated links and the dates of
     * the pages first reached from it), and every failed link ({@link LinkFailure}).
     */
    static List<Object> observations(SiteCrawl crawl, List<ExtractedPage> pages) {
        List<Object> out = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (ExtractedPage page : pages) {
            for (Object fact : page.facts()) {
                if (seen.add(fact)) {
                    out.add(fact);
                }
            }
        }
        String home = null;
        for (int i = 0; i < pages.size(); i++) {
            ExtractedPage page = pages.get(i);
            FetchedPage fetched = crawl.pages().get(i);
            if (fetched.depth() == 0) {
                home = fetched.url();
                continue;
            }
            Evidence evidence = new Evidence(page.url(), fetched.fetchedAt(), fetched.warcRecordId(), page.title());
            String name = page.details().columnName() != null ? page.details().columnName() : page.title();
            if (!page.listEntries().isEmpty()) {
                LocalDate newest = page.listEntries().stream().map(ListEntry::date).max(LocalDate::compareTo).orElse(null);
                out.add(new ColumnUpdate(page.url(), name, page.listEntries().size(), newest, evidence));
            } else if (page.publishedOn() == null && EMPTY.matcher(page.normalizedText()).find()) {
                out.add(new ColumnUpdate(page.url(), name, 0, null, evidence));
            }
        }
        if (home != null) {
            out.add(homePage(crawl, pages, home));
        }
        for (FetchFailure f : crawl.failures()) {
            out.add(new LinkFailure(f.url(), f.referrer(), f.status(), f.error()));
        }
        return out;
    }

    /**
     * One {@link UnreadableAttachment} per attachment that could not be read or was read only in part, named by
     * the links that pointed at it: the column lists' entries, else the anchors on the page that linked it (the
     * crawler's referrer), else its file name. Without it such a file is invisible to the rules, and an agency
     * whose 部门决算 is a PDF we cannot open would be scored as if it had published none.
     */
    static List<UnreadableAttachment> unreadableAttachments(SiteCrawl crawl, List<ExtractedPage> pages,
                                                            PageExtractor extractor) {
        List<UnreadableAttachment> out = new ArrayList<>();
        Map<String, FetchedPage> byUrl = new HashMap<>();
        crawl.pages().forEach(p -> byUrl.putIfAbsent(p.url(), p));
        for (int i = 0; i < pages.size(); i++) {
            ExtractedPage page = pages.get(i);
            if (!page.unreadable() && !page.truncated()) {
                continue;
            }
            FetchedPage fetched = crawl.pages().get(i);
            java.util.Set<String> targets = new java.util.LinkedHashSet<>();
            targets.add(sameResource(fetched.url()));
            if (fetched.requestedUrl() != null) {
                targets.add(sameResource(fetched.requestedUrl()));
            }
            List<String> texts = new ArrayList<>();
            for (ExtractedPage other : pages) {
                other.listEntries().stream().filter(e -> targets.contains(sameResource(e.url())))
                        .forEach(e -> texts.add(e.title()));
            }
            FetchedPage referrer = fetched.referrer() == null ? null : byUrl.get(fetched.referrer());
            if (texts.isEmpty() && referrer != null) {
                texts.addAll(extractor.linkTexts(new PageSource(referrer.url(), referrer.contentType(), referrer.body(),
                        referrer.fetchedAt(), referrer.warcRecordId()), targets));
            }
            Evidence source = new Evidence(fetched.url(), fetched.fetchedAt(), fetched.warcRecordId(),
                    fileLabel(fetched.url()));
            out.addAll(extractor.unreadableAttachments(page, texts, source, fetched.truncated()));
        }
        return out;
    }

    /** The URL's last path segment, decoded: what an assessor sees as the file's name. */
    private static String fileLabel(String url) {
        String path = sameResource(url).replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static final java.util.regex.Pattern EMPTY = java.util.regex.Pattern.compile(
            "暂无(?:相关)?(?:信息|内容|数据|记录|文章)|没有(?:相关)?(?:信息|记录|数据)|无相关信息");

    private static HomePageUpdate homePage(SiteCrawl crawl, List<ExtractedPage> pages, String home) {
        List<LocalDate> dates = new ArrayList<>();
        ExtractedPage homePage = null;
        FetchedPage homeFetch = null;
        for (int i = 0; i < pages.size(); i++) {
            FetchedPage f = crawl.pages().get(i);
            ExtractedPage p = pages.get(i);
            if (f.depth() == 0) {
                homePage = p;
                homeFetch = f;
                p.listEntries().forEach(e -> dates.add(e.date()));
            } else if (home.equals(f.referrer()) && p.publishedOn() != null) {
                dates.add(p.publishedOn());
            }
        }
        LocalDate newest = dates.stream().max(LocalDate::compareTo).orElse(null);
        return new HomePageUpdate(home, newest, dates.size(),
                new Evidence(home, homeFetch.fetchedAt(), homeFetch.warcRecordId(), homePage.title()));
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

    /** Site-level facts beyond documents: content checks, columns, home page update, link failures. */
    List<Object> observations() {
        return observations;
    }

    SiteVisit visit() {
        return visit;
    }
}
