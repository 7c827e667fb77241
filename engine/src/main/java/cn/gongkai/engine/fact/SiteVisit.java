package cn.gongkai.engine.fact;

/**
 * What the crawl of one agency's site came back with, as a fact rules can match: whether the site answered at
 * all, how many pages were read and how many fetches failed.
 *
 * @param reachable     whether the start page answered with a 2xx response
 * @param pagesFetched  pages and attachments read successfully
 * @param failures      fetches that failed (status ≥ 400, timeouts, resets)
 * @param error         why the start page could not be read; {@code null} when reachable
 * @param interruption  why the crawl stopped part-way although the start page answered (the server stopped
 *                      answering: an error storm); {@code null} when the crawl ran to its end or budget. Findings
 *                      of an interrupted site rest on the pages read before, so its score is incomplete.
 */
public record SiteVisit(String url, boolean reachable, int pagesFetched, int failures, String error, String interruption) {

    /** A visit that was not interrupted. */
    public SiteVisit(String url, boolean reachable, int pagesFetched, int failures, String error) {
        this(url, reachable, pagesFetched, failures, error, null);
    }
}
