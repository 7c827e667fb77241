package cn.gongkai.engine.fact;

import java.time.LocalDate;

/**
 * The home page's newest dated item (首页 not updated for two weeks is a 单项否决 in 国办秘函〔2019〕19号).
 *
 * @param lastUpdated  the newest date among the home page's dated links; {@code null} if it shows none
 */
public record HomePageUpdate(String url, LocalDate lastUpdated, int datedItems, Evidence source) {
}
