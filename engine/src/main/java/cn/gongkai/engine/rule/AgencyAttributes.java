package cn.gongkai.engine.rule;

import java.util.Set;

/**
 * Attributes of an agency from the agency list that decide applicability but are not part of {@code Agency}:
 * {@code 涉密单位} (spending classified, so 预决算 not published — seed {@code 003_…}), {@code 无对外服务}
 * (no services to the public). Passed to the evaluator as an observation.
 *
 * @param flags the attribute names, as {@code appliesTo.exemptIf} in {@code pack.yaml} writes them
 */
public record AgencyAttributes(Set<String> flags) {

    public AgencyAttributes {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
