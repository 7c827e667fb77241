/**
 * Polite sampling of one agency website and its WARC archive.
 *
 * <p>Entry points: {@link cn.gongkai.crawl.SiteCrawler} (crawl one site within {@link cn.gongkai.crawl.CrawlSettings})
 * and {@link cn.gongkai.crawl.WarcArchive} (the evidence file). Results are plain records:
 * {@link cn.gongkai.crawl.SiteCrawl}, {@link cn.gongkai.crawl.FetchedPage}, {@link cn.gongkai.crawl.FetchFailure}.
 * Everything else is package-private. robots.txt follows RFC 9309 (crawler-commons); the archive follows
 * WARC 1.1 (ISO 28500, jwarc).
 */
package cn.gongkai.crawl;
