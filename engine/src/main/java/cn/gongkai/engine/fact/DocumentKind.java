package cn.gongkai.engine.fact;

/**
 * What a published page or attachment is, by its content rather than the column (栏目) it was filed under:
 * a 函 filed in the 年报 column is not a 年报. The first four kinds are the ones the 2019 baseline pack scores;
 * the others feed the 要点 and website-health packs.
 */
public enum DocumentKind {
    /** 政府信息公开指南 (条例第12条). */
    DISCLOSURE_GUIDE("政府信息公开指南"),
    /** 政府信息公开工作年度报告 (条例第49–50条); {@code yearCovered} is the year reported on. */
    ANNUAL_REPORT("政府信息公开工作年度报告"),
    /** 部门预算 (预算法第14条); {@code yearCovered} is the budget year. */
    DEPARTMENT_BUDGET("部门预算"),
    /** 部门决算 (预算法第14条); {@code yearCovered} is the year accounted for. */
    DEPARTMENT_FINAL_ACCOUNTS("部门决算"),
    /** 政府信息公开目录 (条例第12条): the catalogue page listing 索引、名称、内容概述、生成日期. */
    DISCLOSURE_CATALOGUE("政府信息公开目录"),
    /** A page published for the 三公经费 alone (预算 or 决算, see {@link SanGongFunds}); {@code yearCovered} its year. */
    SAN_GONG_FUNDS("三公经费"),
    /** 权责清单 / 权力清单 / 责任清单 (2014 national, 2020 Hunan item (四)). */
    POWER_LIST("权责清单"),
    /** 规范性文件 with its 有效性 (2020 Hunan item (二), 文件库 with 有效/失效). */
    NORMATIVE_DOCUMENT("规范性文件"),
    /** 政策解读 (三同步); the policy it explains is in {@link PolicyInterpretation}. */
    POLICY_INTERPRETATION("政策解读"),
    /** 依申请公开 办事指南 / 须知. */
    APPLICATION_GUIDE("依申请公开指南"),
    /** 政府信息公开申请表 (downloadable form). */
    APPLICATION_FORM("政府信息公开申请表"),
    /** 依申请公开 流程图. */
    APPLICATION_FLOWCHART("依申请公开流程图"),
    /** 政府常务会议 (2020 Hunan item (一)). */
    EXECUTIVE_MEETING("政府常务会议"),
    /** 行政执法公示 (2020 Hunan, 行政执法三项制度). */
    LAW_ENFORCEMENT("行政执法公示"),
    /** 双随机、一公开 抽查计划 / 结果. */
    RANDOM_INSPECTION("双随机抽查"),
    /** 营商环境 专栏 (2020 Hunan items (五)–(八)). */
    BUSINESS_ENVIRONMENT("营商环境专栏"),
    /** 涉企政策 专栏 (2020 Hunan). */
    ENTERPRISE_POLICY("涉企政策专栏"),
    /** 政府债务 (限额、余额、举借、使用) (2020 Hunan). */
    GOVERNMENT_DEBT("政府债务"),
    /** 人大代表建议 / 政协委员提案 办理复文 (2015 Jilin). */
    PROPOSAL_REPLY("建议提案复文"),
    /** 政务动态 / 工作动态 news. */
    GOVERNMENT_NEWS("政务动态"),
    /** Any other page: news, notices, policy documents not yet classified further (never emitted). */
    OTHER("其他");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** The Chinese name assessors use. */
    public String label() {
        return label;
    }

    /** Whether this is one of the four kinds the 2019 baseline pack scores (指南, 年报, 部门预算, 部门决算). */
    public boolean baseline() {
        return ordinal() <= DEPARTMENT_FINAL_ACCOUNTS.ordinal();
    }
}
