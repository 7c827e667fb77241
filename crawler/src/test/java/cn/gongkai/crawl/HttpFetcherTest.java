package cn.gongkai.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {

    private static final Duration T = Duration.ofSeconds(30);

    @Test
    void transportErrorsAreNamedInStableWords() {
        ConnectException dns = new ConnectException();
        dns.initCause(new UnresolvedAddressException());
        assertThat(HttpFetcher.describe(dns, T)).isEqualTo("unknown host");
        assertThat(HttpFetcher.describe(new ConnectException(), T)).isEqualTo("connection refused");
        assertThat(HttpFetcher.describe(new HttpTimeoutException("request timed out"), T))
                .isEqualTo("timeout after 30s");
        assertThat(HttpFetcher.describe(new IOException("connection reset"), T)).isEqualTo("I/O error: connection reset");
    }

    @Test
    void durationsReadAsSecondsOrMilliseconds() {
        assertThat(HttpFetcher.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(HttpFetcher.format(Duration.ofMillis(500))).isEqualTo("500ms");
    }
}
