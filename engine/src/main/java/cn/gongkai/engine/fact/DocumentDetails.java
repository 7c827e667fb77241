package cn.gongkai.engine.fact;

import java.util.List;

/**
 * The rest of a document's 信息公开 metadata block, as far as the page states it.
 *
 * @param indexNo     索引号, e.g. {@code 11441700007280420Y/2021-00050} (前段码/后段码)
 * @param topic       主题分类
 * @param issuers     发文机关 / 发布机构, several when joined by {@code 、}
 * @param docNo       文号, e.g. {@code 国发〔2019〕5号}, {@code 国令第706号}
 * @param validity    有效性 / 时效性 as written (有效, 现行有效, 失效, 已废止 …)
 * @param columnName  the column (栏目) the page was published in: a hint, never the kind
 */
public record DocumentDetails(String indexNo, String topic, List<String> issuers, String docNo, String validity,
                              String columnName) {

    public static final DocumentDetails NONE = new DocumentDetails(null, null, List.of(), null, null, null);

    public DocumentDetails {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /** 前段码 of the 索引号 (the agency's code, before the slash); {@code null} without a slash. */
    public String indexPrefix() {
        int slash = indexNo == null ? -1 : indexNo.indexOf('/');
        return slash < 0 ? null : indexNo.substring(0, slash);
    }

    /** 后段码 of the 索引号 (year-serial, after the slash); {@code null} without a slash. */
    public String indexSuffix() {
        int slash = indexNo == null ? -1 : indexNo.indexOf('/');
        return slash < 0 ? null : indexNo.substring(slash + 1);
    }

    /**
     * Whether the document is in force as its 有效性 says: {@code true} for 有效/现行有效, {@code false} for
     * 失效/废止/已修改/停止执行, {@code null} when not stated.
     */
    public Boolean inForce() {
        if (validity == null || validity.isBlank()) {
            return null;
        }
        if (validity.matches(".*(失效|废止|廢止|停止执行|已修改|已修订|无效|無效).*")) {
            return false;
        }
        return validity.contains("有效") ? Boolean.TRUE : null;
    }
}
