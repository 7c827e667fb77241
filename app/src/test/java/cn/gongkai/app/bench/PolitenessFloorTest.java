package cn.gongkai.app.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolitenessFloorTest {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final Duration HOST = Duration.ofMillis(200);

    @Test
    void oneSiteTakesItsRequestsTimesLatencyPlusTheGapsBetweenThem() {
        // 151 requests: 151 × 50 ms + 150 × 200 ms
        assertThat(PolitenessFloor.of(List.of(new PolitenessFloor.Site("127.0.0.1", 151)), LATENCY, HOST,
                Duration.ZERO, 50)).isEqualTo(Duration.ofMillis(7550 + 30000));
    }

    @Test
    void moreSitesThanSlotsShareTheConcurrencyLimit() {
        List<PolitenessFloor.Site> sites = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sites.add(new PolitenessFloor.Site("127.0.0." + (1 + i / 2), 151));
        }
        // 200 sites of 37.55 s, 50 at a time: four rounds
        assertThat(PolitenessFloor.of(sites, LATENCY, HOST, Duration.ZERO, 50)).isEqualTo(Duration.ofMillis(4 * 37550));
    }

    @Test
    void manySitesOnOneAddressAreBoundByThatAddress() {
        List<PolitenessFloor.Site> sites = Collections.nCopies(10, new PolitenessFloor.Site("127.0.0.1", 101));
        // 1,010 requests through one address, one at a time, 100 ms apart: more than any one host's 25.05 s
        assertThat(PolitenessFloor.of(sites, LATENCY, HOST, Duration.ofMillis(100), 50))
                .isEqualTo(Duration.ofMillis(1010 * 50 + 1009 * 100));
    }
}
