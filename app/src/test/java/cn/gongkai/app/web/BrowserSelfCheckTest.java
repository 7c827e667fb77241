package cn.gongkai.app.web;

import cn.gongkai.fixtures.FixtureServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole user path in real headless Chromium: open the page, upload an agency list (a fixture site and a bad
 * row), wait on the progress page until the result shows with the bad row listed as text, and download the
 * workbook. Skipped (with a message) where chromedriver is not
 * installed: {@code apt-get install -y chromium chromium-driver}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "gongkai.data-dir=./target/browser-test/${random.uuid}",
        "gongkai.web.allow-loopback-targets=true",
        "gongkai.web.delay-ms=0",
})
class BrowserSelfCheckTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;

    @Test
    void aUserUploadsAListSeesItsBadRowAsTextAndDownloadsTheWorkbook() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "浏览器测试跳过：未安装 /usr/bin/chromedriver 或 /usr/bin/chromium（apt-get install -y chromium chromium-driver）"
                        + " / browser test skipped: chromium and chromium-driver are not installed");
        Path profile = Files.createTempDirectory("gongkai-chrome-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1200,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try (FixtureServer fixtures = FixtureServer.start()) {
            String site = fixtures.siteUrl(fixtures.sites().get(0).id()).toString();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                browser.get("http://localhost:" + port + "/");
                assertThat(browser.getTitle()).contains("发起自查");
                // An uploaded list with one good row and one bad row whose text is HTML.
                Path list = profile.resolve("名单.csv");
                Files.writeString(list, "单位名称,网站地址\n示范单位," + site + "\n坏单位,<img src=x onerror=alert(1)>\n");
                browser.findElement(By.id("agencies")).sendKeys(list.toString());
                browser.findElement(By.id("maxPages")).clear();
                browser.findElement(By.id("maxPages")).sendKeys("40");
                browser.findElement(By.id("submit")).click();

                // The progress page reloads itself into the result page when the run ends.
                new WebDriverWait(browser, Duration.ofSeconds(120))
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
                assertThat(browser.findElement(By.cssSelector(".grade")).getText()).isNotBlank();
                assertThat(browser.findElement(By.cssSelector(".points")).getText()).contains("/");
                // The bad row is shown as text, never as markup.
                assertThat(browser.findElement(By.id("skipped")).getText()).contains("已跳过 1 行", "第3行第2列",
                        "<img src=x onerror=alert(1)>");
                assertThat(browser.findElements(By.cssSelector("#skipped img"))).isEmpty();
                screenshot(browser);

                String href = browser.findElement(By.id("download-assessment-xlsx")).getAttribute("href");
                HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(xlsx.statusCode()).isEqualTo(200);
                assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
            } finally {
                browser.quit();
                org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            }
        }
    }

    /** Keeps the result page as target/self-check-result.png (the README screenshot is taken from it). */
    private static void screenshot(WebDriver browser) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), Path.of("target/self-check-result.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
