package cn.gongkai.engine.fact;

/**
 * An agency under assessment, as the agency list names it.
 *
 * @param name  单位名称
 * @param url   网站地址 (home page or 政府信息公开 专栏)
 * @param type  政府 or 部门
 * @param tier  the ranking tier (部门 / 区县 / 乡镇) as the list gives it; defaults to the type's label
 */
public record Agency(String name, String url, AgencyType type, String tier) {

    public Agency {
        if (tier == null || tier.isBlank()) {
            tier = type.label();
        }
    }
}
