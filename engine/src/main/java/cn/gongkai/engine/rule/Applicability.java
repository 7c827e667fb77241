package cn.gongkai.engine.rule;

import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;

import java.util.Optional;
import java.util.Set;

/**
 * Which agencies a checklist item applies to, as pack data ({@code appliesTo} in {@code pack.yaml}): the agency
 * type (政府 / 部门), the tier from the agency list (部门 / 区县 / 乡镇 …), and attributes that exempt an agency
 * (e.g. {@code 涉密单位} for 预决算, {@code 无对外服务} for online services). An empty set means "no restriction".
 *
 * @param types        agency types the item applies to
 * @param tiers        tiers the item applies to
 * @param exemptFlags  agency attributes that make the item not applicable
 */
public record Applicability(Set<AgencyType> types, Set<String> tiers, Set<String> exemptFlags) {

    public static final Applicability ALL = new Applicability(Set.of(), Set.of(), Set.of());

    public Applicability {
        types = types == null ? Set.of() : Set.copyOf(types);
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        exemptFlags = exemptFlags == null ? Set.of() : Set.copyOf(exemptFlags);
    }

    /** Why the item does not apply to this agency, or empty when it applies. */
    public Optional<String> exclusion(Agency agency, Set<String> agencyFlags) {
        if (!types.isEmpty() && !types.contains(agency.type())) {
            return Optional.of("本项仅适用于" + String.join("、", types.stream().map(AgencyType::label).sorted().toList())
                    + "，" + agency.name() + "为" + agency.type().label() + "。");
        }
        if (!tiers.isEmpty() && !tiers.contains(agency.tier())) {
            return Optional.of("本项仅适用于" + String.join("、", tiers.stream().sorted().toList()) + "层级，"
                    + agency.name() + "属于" + agency.tier() + "。");
        }
        for (String flag : exemptFlags.stream().sorted().toList()) {
            if (agencyFlags.contains(flag)) {
                return Optional.of(agency.name() + "为" + flag + "，本项不适用。");
            }
        }
        return Optional.empty();
    }

    /** How the restriction reads in {@code packs show} and pack READMEs; empty when the item applies to all. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!types.isEmpty()) sb.append(String.join("、", types.stream().map(AgencyType::label).sorted().toList()));
        if (!tiers.isEmpty()) sb.append(sb.isEmpty() ? "" : "；").append(String.join("、", tiers.stream().sorted().toList()));
        if (!exemptFlags.isEmpty()) sb.append(sb.isEmpty() ? "" : "；").append("除")
                .append(String.join("、", exemptFlags.stream().sorted().toList()));
        return sb.toString();
    }
}
