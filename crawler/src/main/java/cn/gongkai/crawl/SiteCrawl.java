package cn.gongkai.crawl;

import java.util.List;

/**
 * Everything one site crawl came back with.
 *
 * @param seed      start URL
 * @param pages     successful responses, in fetch order
 * @param failures  failed fetches
 * @param skipped   URLs not fetched, with the reason (robots.txt, out of scope, budget, URL trap, error storm)
 * @param notes     what the site did that an assessor should know although no fetch failed (a Content-Type that
 *                  contradicts the body, a body cut at the byte cap, session ids in links), one line each
 */
public record SiteCrawl(String seed, List<FetchedPage> pages, List<FetchFailure> failures, List<String> skipped,
                        List<String> notes) {

    public SiteCrawl {
        pages = List.copyOf(pages);
        failures = List.copyOf(failures);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** A crawl without notes (the shape before notes existed). */
    public SiteCrawl(String seed, List<FetchedPage> pages, List<FetchFailure> failures, List<String> skipped) {
        this(seed, pages, failures, skipped, List.of());
    }

    /** Whether the seed page itself was read. */
    public boolean seedReached() {
        return pages.stream().anyMatch(p -> p.depth() == 0);
    }
}
