package cn.gongkai.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GradeTest {

    @Test
    void gradeBandsFollowPercentageThresholds() {
        assertThat(Grade.of(100).label()).isEqualTo("优秀");
        assertThat(Grade.of(90).label()).isEqualTo("优秀");
        assertThat(Grade.of(89.99).label()).isEqualTo("良好");
        assertThat(Grade.of(75).label()).isEqualTo("良好");
        assertThat(Grade.of(60).label()).isEqualTo("合格");
        assertThat(Grade.of(59.9).label()).isEqualTo("不合格");
        assertThat(Grade.of(0).label()).isEqualTo("不合格");
    }
}
