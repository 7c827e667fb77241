package cn.gongkai.app.cli;

import cn.gongkai.crawl.CrawlSettings;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Crawl options shared by {@code audit} and {@code demo}.
 */
class AuditOptions {

    @Option(names = "--max-pages", description = "每个网站最多抓取的页面数（默认 ${DEFAULT-VALUE}）", defaultValue = "200")
    int maxPages;

    @Option(names = "--delay-ms", description = "同一主机两次请求的最小间隔毫秒数（默认 ${DEFAULT-VALUE}）", defaultValue = "1000")
    long delayMs;

    @Option(names = "--parallel", description = "同时抓取的网站数（默认 ${DEFAULT-VALUE}）", defaultValue = "4")
    int parallel;

    CrawlSettings settings() {
        if (maxPages < 1) {
            throw new BadInputException("--max-pages 须为正整数", "--max-pages must be positive");
        }
        if (delayMs < 0) {
            throw new BadInputException("--delay-ms 不能为负数", "--delay-ms must not be negative");
        }
        return CrawlSettings.defaults().withMaxPages(maxPages).withDelay(Duration.ofMillis(delayMs));
    }
}
