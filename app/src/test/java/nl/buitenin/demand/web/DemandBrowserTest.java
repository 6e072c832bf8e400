package nl.buitenin.demand.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;

/**
 * A planner in Chromium: sees the demo contact centre's heat map, imports the bank's calls as a CSV, and
 * reads the heat map, the forecast with its backtest and the staffing plan; in Dutch, in English and on a
 * phone. Screenshots go to target/screenshots/demand-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemandBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aPlannerImportsVolumesAndGetsHeatMapForecastAndStaffingPlan() {
        driver = Browser.start(1280, 1000);
        signIn("planner");
        driver.get(url("/demand"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Drukte en bezetting");
        waitForChart("demand-heatmap");
        assertThat(driver.findElements(By.cssSelector("#demand-busiest tbody tr"))).hasSize(10);
        Browser.screenshot(driver, "demand-heatmap-demo");

        driver.get(url("/demand/import"));
        driver.findElement(By.id("import-file")).sendKeys(
                Path.of("src/main/resources/demo/calls-bank-2003/calls_5min.csv").toAbsolutePath().toString());
        new Select(driver.findElement(By.id("import-channel"))).selectByValue("PHONE");
        driver.findElement(By.id("import-location")).sendKeys("Bank 2003");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("import-result")).isEmpty());
        assertThat(driver.findElement(By.id("import-result")).getText()).contains("27.716 rijen gelezen").contains("9.348 intervallen");
        Browser.screenshot(driver, "demand-import");

        driver.get(url("/demand?series=PHONE%7CBank%202003"));
        waitForChart("demand-heatmap");
        waitForChart("demand-trend");
        Browser.screenshot(driver, "demand-heatmap");

        driver.get(url("/demand/forecast?series=PHONE%7CBank%202003"));
        waitForChart("demand-forecast");
        assertThat(driver.findElement(By.id("backtest")).getText()).contains("gekozen").contains("basislijn").contains("MAE");
        assertThat(driver.findElement(By.id("backtest-improvement")).getText()).contains("kleinere MAE");
        Browser.screenshot(driver, "demand-forecast");

        driver.get(url("/demand/staffing?series=PHONE%7CBank%202003&target=80%2F20&aht=240&maxOccupancy=85&shrinkage=30&calls=100&agents="));
        waitForChart("demand-plan");
        assertThat(driver.findElements(By.cssSelector("#plan-days tbody tr"))).isNotEmpty();
        assertThat(driver.findElement(By.id("plan-csv")).getDomAttribute("href")).contains("staffing.csv");
        assertThat(driver.findElement(By.id("single-agents")).getText()).isNotBlank();
        Browser.screenshot(driver, "demand-staffing");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staffing");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "demand-staffing-en");
    }

    @Test
    void anAnalystReadsTheHeatMapOnAPhoneButCannotImport() {
        driver = Browser.start(390, 844);
        signIn("analist");
        driver.get(url("/demand"));
        waitForChart("demand-heatmap");
        assertThat(Browser.foundNow(driver, By.cssSelector("nav.subnav a[href='/demand/import']"))).isEmpty();
        Browser.screenshot(driver, "demand-phone");
        driver.get(url("/demand/import"));
        assertThat(Browser.foundNow(driver, By.id("import-file"))).isEmpty();
    }

    private void waitForChart(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.id(id)).getDomAttribute("data-drawn"))
                        && !d.findElements(By.cssSelector("#" + id + " canvas")).isEmpty());
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
