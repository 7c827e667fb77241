package cn.gongkai.engine.fact;

/**
 * A 政策解读 and the policy it explains (三同步: published with the policy, cross-linked).
 *
 * @param policyTitle  the policy's title as the 解读 names it (《…》 in the title or a 原文/相关文件 link); {@code null} if not named
 * @param policyUrl    the absolute URL of the linked policy; {@code null} if the page does not link it
 */
public record PolicyInterpretation(String policyTitle, String policyUrl, Evidence source) {
}
