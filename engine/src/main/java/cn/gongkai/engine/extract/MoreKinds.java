package cn.gongkai.engine.extract;

import cn.gongkai.engine.fact.DocumentDetails;
import cn.gongkai.engine.fact.DocumentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds beyond the four baseline ones, for pages {@link KindClassifier} leaves unclassified: 目录, 三公经费,
 * 权责清单, 规范性文件, 政策解读, 依申请公开 指南/申请表/流程图, 常务会议, 行政执法公示, 双随机抽查, 营商环境 and
 * 涉企政策 专栏, 政府债务, 建议提案复文, 政务动态. The title decides; the column (栏目) is only a hint that confirms
 * a weak title (a 专栏 list, a news item), never a kind on its own.
 */
final class MoreKinds {

    /** What the classifier needs to know about a page besides its title. */
    record Page(String title, String normalizedText, DocumentDetails details, int listEntries) {
    }

    private static final Pattern CATALOGUE = Pattern.compile("信息公开目录");
    private static final Pattern SAN_GONG = Pattern.compile("三公[\"'“”‘’「」]?经费|三公[\"'“”‘’「」]");
    private static final Pattern NOT_SAN_GONG = Pattern.compile("通知|批复|审计|意见|办法|规定|统计表$");
    private static final Pattern POWER = Pattern.compile("权责清单|权力清单|责任清单|权力和责任清单|权责事项清单");
    private static final Pattern NOT_POWER = Pattern.compile("方案|办法|意见|会议|要点|落实|培训|动态");
    private static final Pattern INTERPRETATION = Pattern.compile("解读|答记者问|一图读懂|图解|问答$");
    private static final Pattern APPLICATION_FORM = Pattern.compile("(?:信息公开|依申请公开)(?:\\S{0,6})申请表|申请表.*信息公开");
    private static final Pattern APPLICATION_FLOW = Pattern.compile("(?:依申请公开|信息公开申请|申请公开).{0,8}流程图|流程图.{0,6}依申请");
    private static final Pattern APPLICATION_GUIDE = Pattern.compile(
            "依申请公开(?:工作)?(?:指南|须知|办事指南|办理指南|说明|程序)|申请公开政府信息(?:指南|须知)|^依申请公开$");
    private static final Pattern APPLICATION_TEXT = Pattern.compile("申请表|受理机构|提出申请|申请方式|办理流程");
    private static final Pattern MEETING = Pattern.compile("常务会议");
    private static final Pattern RANDOM = Pattern.compile(
            "双随机.{0,12}(?:抽查|检查)(?:计划|结果|事项|清单|工作|情况|公示|名单)|随机抽查(?:计划|结果|事项|清单|情况|名单)");
    private static final Pattern ENFORCEMENT = Pattern.compile(
            "行政执法(?:公示|信息公示|结果|数据|统计|年度报告|决定)|执法(?:结果)?公示|行政处罚(?:决定|结果|信息|案件)(?:书|公示|公开)?|双公示");
    private static final Pattern DEBT = Pattern.compile("政府债务|债务限额|债务余额|政府(?:专项|一般)债券");
    private static final Pattern REPLY = Pattern.compile(
            "(?:人大|代表).{0,30}建议.{0,12}(?:答复|复函|复文|办理)|(?:政协|委员).{0,30}提案.{0,12}(?:答复|复函|复文|办理)"
                    + "|第\\d+号(?:建议|提案)的?(?:答复|复函|复文)");
    private static final Pattern BUSINESS = Pattern.compile("营商环境");
    private static final Pattern ENTERPRISE = Pattern.compile("涉企政策|惠企政策");
    private static final Pattern SPECIAL_COLUMN = Pattern.compile("专栏|专题");
    private static final Pattern NORMATIVE = Pattern.compile("规范性文件");
    private static final Pattern NOT_NORMATIVE = Pattern.compile("目录|清理|备案|清单|审查|制定程序");
    /** 文种 that are never 规范性文件: letters, replies, reports, speeches. */
    private static final Pattern NOT_NORMATIVE_GENRE = Pattern.compile("函$|批复|通报|纪要|讲话|总结|报告|请示");
    private static final Pattern NEWS_COLUMN = Pattern.compile(
            "动态|要闻|新闻|今日关注|工作信息|政务信息|部门信息|基层信息|图片报道|媒体关注");

    private MoreKinds() {
    }

    static List<KindClassifier.KindYear> classify(Page page) {
        String t = TextNormalizer.normalize(page.title()).replaceAll("\\s+", "");
        List<KindClassifier.KindYear> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        DocumentDetails d = page.details();
        String column = d.columnName() == null ? "" : TextNormalizer.normalize(d.columnName());
        if (CATALOGUE.matcher(t).find()) {
            return one(DocumentKind.DISCLOSURE_CATALOGUE, null);
        }
        Matcher sg = SAN_GONG.matcher(t);
        if (sg.find() && !NOT_SAN_GONG.matcher(t).find()) {
            Integer year = KindClassifier.yearNear(t, sg.start(), sg.end());
            if (year == null) {
                year = SanGongReader.firstYear(page.normalizedText(), page.title());
            }
            return one(DocumentKind.SAN_GONG_FUNDS, year);
        }
        if (POWER.matcher(t).find() && !NOT_POWER.matcher(t).find()) {
            return one(DocumentKind.POWER_LIST, null);
        }
        if (INTERPRETATION.matcher(t).find()) {
            return one(DocumentKind.POLICY_INTERPRETATION, null);
        }
        if (APPLICATION_FORM.matcher(t).find()) {
            return one(DocumentKind.APPLICATION_FORM, null);
        }
        if (APPLICATION_FLOW.matcher(t).find()) {
            return one(DocumentKind.APPLICATION_FLOWCHART, null);
        }
        if (APPLICATION_GUIDE.matcher(t).find() && APPLICATION_TEXT.matcher(page.normalizedText()).find()) {
            return one(DocumentKind.APPLICATION_GUIDE, null);
        }
        if (MEETING.matcher(t).find()) {
            return one(DocumentKind.EXECUTIVE_MEETING, null);
        }
        if (RANDOM.matcher(t).find()) {
            return one(DocumentKind.RANDOM_INSPECTION, null);
        }
        if (ENFORCEMENT.matcher(t).find()) {
            return one(DocumentKind.LAW_ENFORCEMENT, null);
        }
        if (DEBT.matcher(t).find()) {
            return one(DocumentKind.GOVERNMENT_DEBT, null);
        }
        if (REPLY.matcher(t).find()) {
            return one(DocumentKind.PROPOSAL_REPLY, null);
        }
        // A 专栏 is a column: the title names it as one, or the page is the list itself.
        boolean columnPage = SPECIAL_COLUMN.matcher(t).find() || page.listEntries() >= 2;
        if (BUSINESS.matcher(t).find() && columnPage) {
            return one(DocumentKind.BUSINESS_ENVIRONMENT, null);
        }
        if (ENTERPRISE.matcher(t).find() && columnPage) {
            return one(DocumentKind.ENTERPRISE_POLICY, null);
        }
        boolean hasDocNo = d.docNo() != null;
        if (hasDocNo && !NOT_NORMATIVE_GENRE.matcher(t).find() && (d.validity() != null || (NORMATIVE.matcher(t + column).find() && !NOT_NORMATIVE.matcher(t).find()))) {
            return one(DocumentKind.NORMATIVE_DOCUMENT, null);
        }
        if (!hasDocNo && page.listEntries() < 2 && NEWS_COLUMN.matcher(column).find()
                && !KindClassifier.OTHER_GENRE.matcher(t).find()) {
            return one(DocumentKind.GOVERNMENT_NEWS, null);
        }
        return out;
    }

    private static List<KindClassifier.KindYear> one(DocumentKind kind, Integer year) {
        return List.of(new KindClassifier.KindYear(kind, year));
    }
}
