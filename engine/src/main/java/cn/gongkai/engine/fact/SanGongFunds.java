package cn.gongkai.engine.fact;

import java.util.Set;

/**
 * One 三公经费 statement found on a page (财预〔2016〕143号): a 预算 or 决算 of one unit and year, the items it
 * states and whether it explains increases and decreases. A page may hold several (a 2015 决算 and a 2016 预算).
 *
 * @param flavour            预算 or 决算
 * @param year               the year the figures are for; {@code null} if the page does not say
 * @param unit               the unit (单位) named in the title, e.g. 芦洋乡; {@code null} if none
 * @param items              the 三公 items named in the text
 * @param changesExplained   whether an increase/decrease (增加/减少/持平 …) is explained with a reason (主要原因/主要是)
 * @param source             the page
 */
public record SanGongFunds(Flavour flavour, Integer year, String unit, Set<SanGongItem> items, boolean changesExplained,
                           Evidence source) {

    public SanGongFunds {
        items = items == null ? Set.of() : Set.copyOf(items);
    }

    /** 预算 or 决算. */
    public enum Flavour {
        BUDGET("预算"), FINAL_ACCOUNTS("决算");

        private final String label;

        Flavour(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The items a 三公经费 statement must break down. */
    public enum SanGongItem {
        TRAVEL_ABROAD("因公出国(境)费"),
        VEHICLE_PURCHASE("公务用车购置费"),
        VEHICLE_OPERATION("公务用车运行费"),
        RECEPTION("公务接待费");

        private final String label;

        SanGongItem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
