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

    @Option(names = "--max-bytes", description = "每个响应最多读取的字节数，解压后同样受限（默认 ${DEFAULT-VALUE}，即 10 MiB）", defaultValue = "10485760")
    long maxBytes;

    @Option(names = "--max-site-bytes", description = "每个网站最多读取的字节数（默认 ${DEFAULT-VALUE}，即 200 MiB）", defaultValue = "209715200")
    long maxSiteBytes;

    @Option(names = "--timeout-ms", description = "单次请求（连接、响应头、正文）的总时限毫秒数（默认 ${DEFAULT-VALUE}）", defaultValue = "30000")
    long timeoutMs;

    @Option(names = "--ip-delay-ms", description = "同一 IP 地址两次请求的最小间隔毫秒数，多个网站共用一个集约化平台时生效（默认 ${DEFAULT-VALUE}）", defaultValue = "250")
    long ipDelayMs;

    @Option(names = "--retries", description = "遇 5xx 或连接中断时的重试次数（默认 ${DEFAULT-VALUE}）", defaultValue = "2")
    int retries;

    @Option(names = "--retry-backoff-ms", description = "首次重试前的等待毫秒数，此后每次加倍（默认 ${DEFAULT-VALUE}）", defaultValue = "2000")
    long backoffMs;

    @Option(names = "--progress-seconds", description = "每隔多少秒在控制台显示一次进度，0 为不显示（默认 ${DEFAULT-VALUE}）", defaultValue = "5")
    long progressSeconds;

    Duration progressInterval() {
        return Duration.ofSeconds(Math.max(0, progressSeconds));
    }

    CrawlSettings settings() {
        if (maxBytes < 1024 || maxSiteBytes < maxBytes) {
            throw new BadInputException("--max-bytes 至少 1024，且 --max-site-bytes 不小于 --max-bytes",
                    "--max-bytes must be at least 1024 and --max-site-bytes at least --max-bytes");
        }
        if (timeoutMs < 1 || ipDelayMs < 0 || retries < 0 || backoffMs < 0) {
            throw new BadInputException("--timeout-ms 须为正数，--ip-delay-ms、--retries、--retry-backoff-ms 不能为负数",
                    "--timeout-ms must be positive; --ip-delay-ms, --retries, --retry-backoff-ms not negative");
        }
        if (maxPages < 1) {
            throw new BadInputException("--max-pages 须为正整数", "--max-pages must be positive");
        }
        if (delayMs < 0) {
            throw new BadInputException("--delay-ms 不能为负数", "--delay-ms must not be negative");
        }
        return CrawlSettings.defaults().withMaxPages(maxPages).withDelay(Duration.ofMillis(delayMs))
                .withIpDelay(Duration.ofMillis(Math.min(ipDelayMs, delayMs)))
                .withMaxBodyBytes(maxBytes).withMaxSiteBytes(maxSiteBytes)
                .withRequestTimeout(Duration.ofMillis(timeoutMs))
                .withRetries(retries, Duration.ofMillis(backoffMs));
    }
}
