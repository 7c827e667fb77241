package cn.gongkai.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.engine.fact.Document;
import cn.gongkai.engine.fact.SanGongFunds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores {@link PageExtractor} against the hand-read facts of the 22 real pages: per-field precision and
 * recall, printed as a table, with floors set from what the extractor measurably achieves.
 */
class RealPagesExtractionTest {

    private static final PageExtractor EXTRACTOR = new PageExtractor();
    private static List<RealPages.Label> labels;
    private static Map<String, ExtractedPage> pages;

    @BeforeAll
    static void extractAll() {
        labels = RealPages.labels();
        pages = new TreeMap<>();
        for (RealPages.Label l : labels) {
            pages.put(l.file(), EXTRACTOR.extract(RealPages.source(l.file())));
        }
    }

    @Test
    void labelledSetCoversEveryRealPage() throws Exception {
        try (var files = java.nio.file.Files.list(RealPages.DIR)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(f -> !f.equals("README.md"))
                    .sorted().toList();
            assertThat(labels).extracting(RealPages.Label::file).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void fieldsMeetPrecisionAndRecallFloors() {
        Score title = score(l -> squash(l.title()), p -> squash(p.title()));
        Score published = score(RealPages.Label::publishedOn, ExtractedPage::publishedOn);
        Score written = score(RealPages.Label::writtenOn, ExtractedPage::writtenOn);
        Score indexNo = score(RealPages.Label::indexNo, p -> p.details().indexNo());
        Score docNo = score(RealPages.Label::docNo, p -> p.details().docNo());
        Score issuers = new Score("issuers");
        Score kind = new Score("kind");
        Score year = new Score("yearCovered");
        for (RealPages.Label l : labels) {
            ExtractedPage p = pages.get(l.file());
            List<String> expectedKinds = new ArrayList<>();
            List<String> expectedYears = new ArrayList<>();
            for (Map<String, Object> k : l.kinds()) {
                expectedKinds.add((String) k.get("kind"));
                if (!"OTHER".equals(k.get("kind"))) {
                    expectedYears.add(k.get("kind") + ":" + k.get("year"));
                }
            }
            List<String> actualKinds = p.documents().isEmpty() ? List.of("OTHER")
                    : p.documents().stream().map(d -> d.kind().name()).toList();
            List<String> actualYears = p.documents().stream().map(d -> d.kind() + ":" + d.yearCovered()).toList();
            kind.compareSets(l.file(), expectedKinds, actualKinds);
            issuers.compareSets(l.file(), l.issuers(), p.details().issuers());
            year.compareSets(l.file(), expectedYears, actualYears);
        }
        List<Score> all = List.of(title, published, written, kind, year, indexNo, docNo, issuers);
        System.out.println(table(all));
        for (Score s : List.of(indexNo, docNo, issuers)) {
            assertThat(s.precision()).as(s.misses.toString()).isGreaterThanOrEqualTo(1.0);
            assertThat(s.recall()).as(s.misses.toString()).isGreaterThanOrEqualTo(1.0);
        }
        assertThat(kind.precision()).as(kind.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(kind.recall()).as(kind.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(year.precision()).as(year.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(year.recall()).as(year.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(published.precision()).as(published.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(published.recall()).as(published.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(title.precision()).as(title.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(title.recall()).as(title.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(written.precision()).as(written.misses.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(written.recall()).as(written.misses.toString()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void everyRealPageTitleAppearsInItsDecodedText() {
        for (RealPages.Label l : labels) {
            assertThat(squash(pages.get(l.file()).rawText())).as(l.file()).contains(squash(l.title()));
        }
    }

    @Test
    void documentsCarryThePageDates() {
        ExtractedPage mixed = pages.get("pingtan-bumen-juesuan-2015-plus-yusuan-2016-mixed-kind-text.txt");
        assertThat(mixed.documents()).allSatisfy(d -> {
            assertThat(d.publishedOn()).hasToString("2016-12-09");
            assertThat(d.hasSanGong()).isTrue();
        });
        Document nianbao = pages.get("pingtan-nianbao-2011-county-chinese-numeral-signdate-text.txt").documents().get(0);
        assertThat(nianbao.writtenOn()).hasToString("2012-02-20");
    }

    @Test
    void sanGongPagesGiveTheirStatementWithUnitItemsAndExplanation() {
        assertThat(pages.get("pingtan-sangong-juesuan-2017-benji-published-2018-text.txt").facts())
                .containsExactly(new SanGongFunds(SanGongFunds.Flavour.FINAL_ACCOUNTS, 2017, "平潭综合实验区本级",
                        java.util.EnumSet.allOf(SanGongFunds.SanGongItem.class), true,
                        pages.get("pingtan-sangong-juesuan-2017-benji-published-2018-text.txt").documents().get(0)
                                .evidence()));
        SanGongFunds luyang = (SanGongFunds) pages.get("pingtan-sangong-luyang-2017-01-title-no-year-text.txt")
                .facts().get(0);
        assertThat(luyang.unit()).isEqualTo("芦洋乡");
        assertThat(luyang.year()).isEqualTo(2017);
        assertThat(luyang.items()).hasSize(4);
        assertThat(luyang.changesExplained()).isFalse();
        assertThat(pages.get("pingtan-bumen-juesuan-2015-plus-yusuan-2016-mixed-kind-text.txt").facts())
                .extracting(f -> ((SanGongFunds) f).flavour() + ":" + ((SanGongFunds) f).year())
                .containsExactlyInAnyOrder("FINAL_ACCOUNTS:2015", "BUDGET:2016");
    }

    @Test
    void joinedIssuersAreSplitAndIndexNumberHasBothCodes() {
        var details = pages.get("govcn-policy-1996-joint-issuers-guowuyuan-zhongyangjunwei.html").details();
        assertThat(details.issuers()).containsExactly("国务院", "中央军委");
        assertThat(details.indexPrefix()).isEqualTo("000014349");
        assertThat(details.indexSuffix()).isEqualTo("1996-00073");
        assertThat(details.topic()).isNotBlank();
    }

    private <T> Score score(Function<RealPages.Label, T> expected, Function<ExtractedPage, T> actual) {
        Score s = new Score("");
        for (RealPages.Label l : labels) {
            s.compare(l.file(), expected.apply(l), actual.apply(pages.get(l.file())));
        }
        return s;
    }

    private static String squash(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", "");
    }

    private static String table(List<Score> scores) {
        String[] names = {"title", "publishedOn", "writtenOn", "kind", "yearCovered", "indexNo", "docNo", "issuers"};
        StringBuilder b = new StringBuilder("\nreal-pages extraction (" + labels.size() + " pages)\n");
        b.append(String.format("%-12s %5s %5s %5s %9s %6s%n", "field", "tp", "fp", "fn", "precision", "recall"));
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            b.append(String.format("%-12s %5d %5d %5d %9.3f %6.3f%n", names[i], s.tp, s.fp, s.fn, s.precision(),
                    s.recall()));
            s.misses.forEach(m -> b.append("    miss: ").append(m).append('\n'));
        }
        return b.toString();
    }

    /** True/false positives and false negatives of one field. */
    static final class Score {
        int tp;
        int fp;
        int fn;
        final List<String> misses = new ArrayList<>();
        final String name;

        Score(String name) {
            this.name = name;
        }

        void compare(String file, Object expected, Object actual) {
            if (actual != null && Objects.equals(expected, actual)) {
                tp++;
                return;
            }
            if (actual != null) {
                fp++;
            }
            if (expected != null) {
                fn++;
            }
            if (expected != null || actual != null) {
                misses.add(file + ": expected " + expected + ", got " + actual);
            }
        }

        void compareSets(String file, List<String> expected, List<String> actual) {
            for (String a : actual) {
                if (expected.contains(a)) {
                    tp++;
                } else {
                    fp++;
                    misses.add(file + ": unexpected " + a);
                }
            }
            for (String e : expected) {
                if (!actual.contains(e)) {
                    fn++;
                    misses.add(file + ": missing " + e);
                }
            }
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }
}
