package nl.buitenin.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * The demo's story in a browser, on a desktop and a 360 px phone: the analyst opens the early warnings and finds "less
 * time of managers with customers" among the active ones, with its chart, n and threshold, in Dutch and English; the team
 * lead records a listen-in day on the phone and sees it in their list. No ids, codes or keys.
 * Screenshots: target/screenshots/warnings-*.png and listen-in-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WarningsBrowserTest {

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
    void theAnalystSeesThatManagersSpentLessTimeWithCustomers() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/warnings']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/warnings']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Vroege waarschuwingen");
        WebElement listenIn = driver.findElement(By.cssSelector("article.warning#warning-listen-in"));
        assertThat(listenIn.getText()).contains("Minder tijd van managers bij klanten").contains("uur per manager").contains("n = ")
                .contains("drempel 25 %");
        assertThat(listenIn.findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Rustig of te weinig gegevens").contains("Wekelijkse samenvatting per e-mail");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        assertThat(VisibleText.codesInText(main)).isEmpty();
        Browser.screenshot(driver, "warnings-desktop");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Early warnings");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Less time of managers with customers").contains("hours per manager");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(VisibleText.codesInText(english)).isEmpty();
        Browser.screenshot(driver, "warnings-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    @Test
    void theWarningsFitAPhone() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/warnings"));
        assertThat(driver.findElements(By.cssSelector("article.warning#warning-listen-in"))).hasSize(1);
        assertThat(overflow()).as("the page fits the phone; the table scrolls in its own box").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "warnings-phone");
    }

    @Test
    void theTeamLeadRecordsAListenInDayOnAPhone() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "teamleider", "buitenpad-demo");
        driver.get(url("/listen-in"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Meeloopdagen");
        int before = driver.findElements(By.cssSelector("#my-listen-ins tbody tr")).size();
        driver.findElement(By.cssSelector("input[name=kind][value=customer_visit]")).click();
        driver.findElement(By.id("hours")).sendKeys("2,5");
        driver.findElement(By.id("note")).sendKeys("Op bezoek bij de reisbalie");
        assertThat(overflow()).isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "listen-in-phone");
        driver.findElement(By.cssSelector("#listen-in-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("Opgeslagen.");
        List<WebElement> rows = driver.findElements(By.cssSelector("#my-listen-ins tbody tr"));
        assertThat(rows).hasSize(before + 1);
        assertThat(rows.get(0).getText()).contains("Klantbezoek").contains("2,5").contains("Op bezoek bij de reisbalie");
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        assertThat(VisibleText.codesInText(main)).isEmpty();
    }

    @Test
    void theTeamLeadsListenInPageOnADesktop() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "teamleider", "buitenpad-demo");
        driver.get(url("/listen-in"));
        driver.findElement(By.id("hours")).sendKeys("abc");
        driver.findElement(By.cssSelector("#listen-in-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("hours").contains("Het aantal uren abc is geen getal");
        assertThat(driver.findElements(By.cssSelector("#my-listen-ins tbody tr"))).isNotEmpty();
        Browser.screenshot(driver, "listen-in-desktop");
    }

    private Long overflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
