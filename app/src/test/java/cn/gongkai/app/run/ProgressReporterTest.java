package cn.gongkai.app.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTest {

    @Test
    void lineGivesSitesPagesErrorsRateAndEtaFromThePaceOfFinishedSites() {
        String line = ProgressReporter.line(2, 10, 300, 7, 0, Duration.ofSeconds(60));

        assertThat(line).isEqualTo("进度：网站 2/10，页面 300，抓取失败 7，5.0 页/秒，已用 1:00，预计剩余 4:00");
    }

    @Test
    void etaIsUnknownUntilASiteIsDoneAndReplayedResponsesAreShown() {
        String line = ProgressReporter.line(0, 3, 12, 0, 40, Duration.ofSeconds(4000));

        assertThat(line).isEqualTo("进度：网站 0/3，页面 12，抓取失败 0，从存档恢复 40，0.0 页/秒，已用 1:06:40，预计剩余 —");
    }
}
