package nl.buitenin.readings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * An analyst opens "scores adjusted for harsh and lenient raters" on the demo through the menu, on a desktop and on a
 * 360 px phone: the phone survey's touchpoints by name with raw and adjusted means, n and intervals, and — because
 * the demo's harsh raters mostly rate the best touchpoint and its lenient ones the runner-up — the sentence that the
 * adjustment changes the order. Then the page in English; then teams and months compared. No ids, codes or message keys
 * on the page. Screenshots go to target/screenshots/calibrated-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CalibratedScoresBrowserTest {

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
    void onADesktopTheAdjustmentTurnsTwoTouchpointsRound() {
        driver = Browser.start(1280, 900);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/readings/calibrated']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/readings/calibrated']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Scores gecorrigeerd voor strenge en milde beoordelaars");
        new Select(driver.findElement(By.id("cal-type"))).selectByVisibleText("Tevredenheid (CSAT, 1–5)");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("nooit meer dan een 8").contains("Zoals gegeven").contains("Gecorrigeerd").contains("n = ")
                .contains("Vragen per telefoon").contains("Na de correctie staan contactmomenten in een andere volgorde")
                .contains("gecorrigeerd voor wie er antwoordde scoort");
        List<WebElement> rows = driver.findElements(By.cssSelector("#calibrated-table tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        Browser.screenshot(driver, "calibrated-desktop");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(url("/readings/calibrated?type=CSAT"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Scores adjusted for harsh and lenient raters");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("never gives more than an 8").contains("As given").contains("Adjusted")
                .contains("adjusted for who answered,");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        Browser.screenshot(driver, "calibrated-en");
    }

    /**
     * Compare teams: the demo's regular customers who are harsh raters answer mostly about the best team, so with NPS the
     * plain means put the runner-up first and the adjusted ones turn the two round; the page says teams are read under the
     * staff purpose. Then months, named in words.
     */
    @Test
    void teamsAndMonthsCanBeCompared() {
        driver = Browser.start(1280, 900);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/readings/calibrated?type=NPS"));
        new Select(driver.findElement(By.id("cal-by"))).selectByVisibleText("Teams");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Team").contains("Klantenservice").contains("Reisadvies").contains("Boekingen Utrecht")
                .contains("kwaliteit van de dienstverlening — medewerkers")
                .contains("Na de correctie staan teams in een andere volgorde").contains("gecorrigeerd voor wie er antwoordde scoort");
        assertThat(main).doesNotContain("mw-0");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        Browser.screenshot(driver, "calibrated-teams");

        new Select(driver.findElement(By.id("cal-by"))).selectByVisibleText("Maanden");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        String months = driver.findElement(By.tagName("main")).getText();
        assertThat(months).contains("Maand").contains("Zoals gegeven").contains("n = ");
        assertThat(months).containsPattern("(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\\d\\d");
        assertThat(VisibleText.problemsInText(months)).isEmpty();
        Browser.screenshot(driver, "calibrated-months");
    }

    @Test
    void onAPhoneThePageFits() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/readings/calibrated?type=CSAT"));
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Zoals gegeven").contains("n = ");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits the phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "calibrated-phone");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", driver.findElement(By.id("calibrated-table")));
        Browser.screenshot(driver, "calibrated-phone-table");
        Long tableOverflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "const w = document.querySelector('.calibrated-scores .table-wrap'); return w.scrollWidth - w.clientWidth;");
        assertThat(tableOverflow).as("the table fits the phone without scrolling sideways").isLessThanOrEqualTo(0L);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
