package cn.gongkai.engine.fact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An agency under assessment, as the agency list names it.
 *
 * @param name            单位名称
 * @param url             网站地址: a portal home page, or the address of the agency's column tree on a shared
 *                        集约化 platform ({@code http://xxgk.xx.gov.cn/xxgk/jyj/}, {@code …?deptId=…})
 * @param type            政府 or 部门
 * @param tier            the ranking tier (部门 / 区县 / 乡镇) as the list gives it; defaults to the type's label
 * @param disclosureUrls  信息公开地址: the agency's 政府信息公开 entries where they differ from 网站地址 (often on a
 *                        second host of the portal's domain); empty when the list gives none
 */
public record Agency(String name, String url, AgencyType type, String tier, List<String> disclosureUrls) {

    public Agency {
        if (tier == null || tier.isBlank()) {
            tier = type.label();
        }
        disclosureUrls = disclosureUrls == null ? List.of() : List.copyOf(disclosureUrls);
    }

    /** An agency known by its 网站地址 only. */
    public Agency(String name, String url, AgencyType type, String tier) {
        this(name, url, type, tier, List.of());
    }

    /**
     * Every address the agency is entered by, 网站地址 first, then each 信息公开地址, each once: the crawl starts from
     * all of them and the agency's scope is built from them (design: "The agency: scope and attribution").
     */
    public List<String> entryUrls() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(url);
        all.addAll(disclosureUrls);
        return new ArrayList<>(all);
    }

    /** The same agency with these 信息公开地址. */
    public Agency withDisclosureUrls(List<String> urls) {
        return new Agency(name, url, type, tier, urls);
    }
}
