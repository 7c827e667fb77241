package cn.gongkai.crawl;

import java.util.List;

/**
 * Everything one site crawl came back with.
 *
 * @param seed      start URL
 * @param pages     successful responses, in fetch order
 * @param failures  failed fetches
 * @param skipped   URLs not fetched, with the reason (robots.txt, out of scope, budget)
 */
public record SiteCrawl(String seed, List<FetchedPage> pages, List<FetchFailure> failures, List<String> skipped) {

    public SiteCrawl {
        pages = List.copyOf(pages);
        failures = List.copyOf(failures);
        skipped = List.copyOf(skipped);
    }

    /** Whether the seed page itself was read. */
    public boolean seedReached() {
        return pages.stream().anyMatch(p -> p.depth() == 0);
    }
}
