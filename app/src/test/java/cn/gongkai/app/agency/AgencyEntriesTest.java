package cn.gongkai.app.agency;

import cn.gongkai.engine.fact.Agency;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agency lists as assessors write them for 集约化 sites: 网站地址 a portal or a department's column on a shared
 * platform, 信息公开地址 one or more entries (、 or a line break between them), addresses without a scheme.
 */
class AgencyEntriesTest {

    private static final Path TMP = Path.of("target/agency-entries-test").toAbsolutePath();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "www.hunan.gov.cn|http://www.hunan.gov.cn",
            "xxgk.qingshan.gov.cn/xxgk/jyj/|http://xxgk.qingshan.gov.cn/xxgk/jyj/",
            "xxgk.qingshan.gov.cn:8080/list.jsp?deptId=12|http://xxgk.qingshan.gov.cn:8080/list.jsp?deptId=12",
            "https://www.hunan.gov.cn/|https://www.hunan.gov.cn/",
            "http//mz.example.gov.cn|http//mz.example.gov.cn",
            "湖南省人民政府门户网站|湖南省人民政府门户网站",
            "mailto:gk@example.gov.cn|mailto:gk@example.gov.cn",
            "localhost|localhost"})
    void anAddressWithoutASchemeGetsHttpAndAnythingElseStaysAsWritten(String written, String read) {
        assertThat(Addresses.withScheme(written)).isEqualTo(read);
    }

    @Test
    void severalAddressesInOneCellAreSplitOnTheListSeparatorAndLineBreaks() {
        assertThat(Addresses.split("http://a.gov.cn/x/、b.gov.cn/y/\nhttps://c.gov.cn/ ；d.gov.cn"))
                .containsExactly("http://a.gov.cn/x/", "http://b.gov.cn/y/", "https://c.gov.cn/", "http://d.gov.cn");
        assertThat(Addresses.split("  ")).isEmpty();
    }

    @Test
    void aCsvListGivesEachAgencyItsEntries() throws IOException {
        Files.createDirectories(TMP);
        Path file = TMP.resolve("county.csv");
        Files.writeString(file, """
                单位名称,网站地址,单位类型,信息公开地址
                湘江市青山县人民政府,www.qingshan.example.gov.cn,政府,xxgk.qingshan.example.gov.cn/xxgk/qsx/
                湘江市青山县教育局,http://xxgk.qingshan.example.gov.cn/xxgk/jyj/,部门,"http://xxgk.qingshan.example.gov.cn/xxgk/jyj/zfxxgkzn/、www.qingshan.example.gov.cn/jyj/
                http://xxgk.qingshan.example.gov.cn/xxgk/jyj/"
                湘江市青山县财政局,http://xxgk.qingshan.example.gov.cn/list.jsp?deptId=31,部门,
                """, StandardCharsets.UTF_8);
        AgencyList list = AgencyListReader.read(file);
        assertThat(list.skipped()).isEmpty();
        Agency county = list.agencies().get(0);
        assertThat(county.url()).isEqualTo("http://www.qingshan.example.gov.cn");
        assertThat(county.disclosureUrls()).containsExactly("http://xxgk.qingshan.example.gov.cn/xxgk/qsx/");
        Agency education = list.agencies().get(1);
        assertThat(education.disclosureUrls()).hasSize(3);
        // The 网站地址 repeated in 信息公开地址 is one entry, not two.
        assertThat(education.entryUrls()).containsExactly("http://xxgk.qingshan.example.gov.cn/xxgk/jyj/",
                "http://xxgk.qingshan.example.gov.cn/xxgk/jyj/zfxxgkzn/", "http://www.qingshan.example.gov.cn/jyj/");
        assertThat(list.agencies().get(2).disclosureUrls()).isEmpty();
        assertThat(list.agencies().get(2).entryUrls()).containsExactly("http://xxgk.qingshan.example.gov.cn/list.jsp?deptId=31");
    }

    @Test
    void aWorkbookCellShowingALabelIsReadByItsHyperlink() throws IOException {
        Files.createDirectories(TMP);
        Path file = TMP.resolve("linked.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("名单");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位名称");
            header.createCell(1).setCellValue("网站地址");
            header.createCell(2).setCellValue("信息 公开 地址");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("湘江市青山县人民政府");
            row.createCell(1).setCellValue("qingshan.example.gov.cn");
            var cell = row.createCell(2);
            cell.setCellValue("青山县政府信息公开平台");
            XSSFHyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
            link.setAddress("http://xxgk.qingshan.example.gov.cn/");
            cell.setHyperlink(link);
            wb.write(os);
        }
        AgencyList list = AgencyListReader.read(file);
        assertThat(list.agencies()).singleElement().satisfies(a -> {
            assertThat(a.url()).isEqualTo("http://qingshan.example.gov.cn");
            assertThat(a.disclosureUrls()).containsExactly("http://xxgk.qingshan.example.gov.cn/");
        });
    }
}
