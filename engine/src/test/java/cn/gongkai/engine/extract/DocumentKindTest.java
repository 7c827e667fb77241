package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.DocumentKind;
import cn.gongkai.engine.fact.GuideField;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentKindTest {

    private static List<KindClassifier.KindYear> kinds(String title) {
        return KindClassifier.classify(TextNormalizer.normalize(title));
    }

    @Test
    void annualReportYearIsTheYearReportedOn() {
        assertThat(kinds("湘江市教育局2024年政府信息公开工作年度报告"))
                .containsExactly(new KindClassifier.KindYear(DocumentKind.ANNUAL_REPORT, 2024));
        assertThat(kinds("2023年度政府信息公开工作年度报告"))
                .containsExactly(new KindClassifier.KindYear(DocumentKind.ANNUAL_REPORT, 2023));
        assertThat(kinds("某縣2019年政府信息公開工作年度報告"))
                .containsExactly(new KindClassifier.KindYear(DocumentKind.ANNUAL_REPORT, 2019));
    }

    @Test
    void letterAboutChecklistFiledInTheAnnualReportColumnIsNotAnAnnualReport() {
        assertThat(kinds("关于2014年政府信息公开工作要点落实情况的函")).isEmpty();
        assertThat(kinds("关于做好2019年政府信息公开工作年度报告有关事项的通知")).isEmpty();
    }

    @Test
    void combinedFinalAccountsAndBudgetPageGivesBothWithTheirOwnYears() {
        assertThat(kinds("福建师范大学平潭附属中学筹建办关于2015年部门决算说明以及2016年部门预算说明")).containsExactlyInAnyOrder(
                new KindClassifier.KindYear(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, 2015),
                new KindClassifier.KindYear(DocumentKind.DEPARTMENT_BUDGET, 2016));
    }

    @Test
    void sanGongOnlyPagesAndApprovalsAreNotDepartmentBudgets() {
        assertThat(kinds("2017年度平潭综合实验区本级一般公共预算“三公”经费支出决算情况")).isEmpty();
        assertThat(kinds("芦洋乡三公经费公开")).isEmpty();
        assertThat(kinds("关于批复2015年度部门决算的通知")).isEmpty();
    }

    @Test
    void budgetTitlesOfCommonForms() {
        assertThat(kinds("湘江市教育局2025年部门预算")).extracting(KindClassifier.KindYear::kind)
                .containsExactly(DocumentKind.DEPARTMENT_BUDGET);
        assertThat(kinds("湘江市财政局2024年度部门决算公开")).containsExactly(
                new KindClassifier.KindYear(DocumentKind.DEPARTMENT_FINAL_ACCOUNTS, 2024));
    }

    @Test
    void guideIsRecognisedWithItsFields() {
        ExtractedPage page = Pages.html("<html><head><title>湘江市教育局政府信息公开指南</title></head><body>"
                + "<h1>湘江市教育局政府信息公开指南</h1><p>一、信息分类与编排体系</p><p>二、获取信息的方式：主动公开、依申请公开</p>"
                + "<p>工作机构名称：局办公室；办公地址：湘江市人民路1号；办公时间：工作日上午9:00-12:00；"
                + "联系电话：0731-1234567；电子邮箱：jyj@example.gov.cn</p></body></html>");
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DocumentKind.DISCLOSURE_GUIDE);
            assertThat(d.guideFields()).containsExactlyInAnyOrder(GuideField.CLASSIFICATION, GuideField.ORGANISATION,
                    GuideField.ACCESS_METHOD, GuideField.OFFICE_NAME, GuideField.OFFICE_ADDRESS, GuideField.OFFICE_HOURS,
                    GuideField.PHONE, GuideField.ONLINE_CONTACT);
            assertThat(d.guideFields()).doesNotContain(GuideField.FAX);
        });
    }

    @Test
    void budgetPageRecordsSanGongSection() {
        ExtractedPage with = Pages.html("<html><head><title>某局2025年部门预算公开</title></head><body>"
                + "<p>八、一般公共预算“三公”经费支出表</p></body></html>");
        ExtractedPage items = Pages.html("<html><head><title>某局2025年部门预算公开</title></head><body>"
                + "<p>因公出国（境）费0万元，公务接待费1.2万元</p></body></html>");
        ExtractedPage without = Pages.html("<html><head><title>某局2025年部门预算公开</title></head><body>"
                + "<p>收支总表</p></body></html>");
        assertThat(with.documents()).singleElement().satisfies(d -> assertThat(d.hasSanGong()).isTrue());
        assertThat(items.documents()).singleElement().satisfies(d -> assertThat(d.hasSanGong()).isTrue());
        assertThat(without.documents()).singleElement().satisfies(d -> {
            assertThat(d.hasSanGong()).isFalse();
            assertThat(d.yearCovered()).isEqualTo(2025);
        });
    }

    @Test
    void policyPageIsNotADocumentOfOurKinds() {
        assertThat(kinds("国务院关于2018年度国家科学技术奖励的决定")).isEmpty();
        assertThat(kinds("国务院办公厅关于印发《政府网站集约化试点工作方案》的通知")).isEmpty();
    }
}
