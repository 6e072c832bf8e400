package nl.buitenin.demand.web;

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
 * The planner with the demo's roster in Chromium: the start page names the understaffed intervals of the coming week
 * and the largest shortage, the staffing page marks each short interval in words (not by colour alone), and the
 * roster page edits a day's grid; on a desktop and on a 360 px phone, without sideways scrolling. Screenshots go to
 * target/screenshots/demand-roster-*.png and demand-gaps-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class RosterBrowserTest {

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
    void thePlannerSeesTheGapsOfTheComingWeekAndEditsTheRoster() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "planner", "buitenpad-demo");

        driver.get(url("/"));
        String home = driver.findElement(By.tagName("main")).getText();
        assertThat(home).contains("Bezetting komende dagen").contains("Kwartieren onderbezet, komende 7 dagen")
                .contains("Grootste tekort:").contains("Kwartieren overbezet");
        assertThat(VisibleText.problemsInText(home)).isEmpty();

        driver.get(url("/demand/staffing"));
        WebElement summary = driver.findElement(By.id("gaps-summary"));
        assertThat(summary.getText()).contains("kwartieren onderbezet").contains("Grootste tekort:");
        List<WebElement> shortRows = driver.findElements(By.cssSelector("#gaps-table tr.gap-short"));
        assertThat(shortRows).isNotEmpty();
        assertThat(shortRows.get(0).getText()).contains("▼").contains("te kort");
        assertThat(driver.findElements(By.cssSelector("#gaps-table tr.gap-over"))).isNotEmpty();
        assertThat(driver.findElement(By.id("gaps-csv")).getDomAttribute("href")).contains("/demand/staffing/gaps.csv");
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        noSidewaysScrolling("staffing page");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('gaps').scrollIntoView()");
        Browser.screenshot(driver, "demand-gaps");

        driver.findElement(By.id("gaps-edit")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rooster");
        List<WebElement> cells = driver.findElements(By.cssSelector("#roster-grid input[type=number]"));
        assertThat(cells.size()).isIn(48, 96, 92, 100, 46, 50);
        WebElement filled = driver.findElements(By.cssSelector("#roster-grid input[type=number]")).stream()
                .filter(c -> !c.getDomProperty("value").isEmpty()).findFirst().orElseThrow();
        String id = filled.getDomAttribute("id");
        assertThat(driver.findElement(By.id("n-" + id)).getText()).startsWith("nodig ");
        int before = Integer.parseInt(filled.getDomProperty("value"));
        filled.clear();
        filled.sendKeys(String.valueOf(before + 2));
        Browser.screenshot(driver, "demand-roster");
        driver.findElement(By.id("roster-save")).click();
        assertThat(driver.findElement(By.id("roster-saved")).getText()).contains("1 gewijzigd");
        assertThat(driver.findElement(By.id(id)).getDomProperty("value")).isEqualTo(String.valueOf(before + 2));

        // The browser refuses a negative count in its cell before the form is sent.
        WebElement cell = driver.findElement(By.id(id));
        cell.clear();
        cell.sendKeys("-3");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("return arguments[0].checkValidity()", cell)).isFalse();
        noSidewaysScrolling("roster page");
    }

    @Test
    void onAPhoneTheRosterAndTheGapsFitTheScreen() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "planner", "buitenpad-demo");
        driver.get(url("/demand/roster"));
        assertThat(driver.findElements(By.cssSelector("#roster-grid input[type=number]"))).isNotEmpty();
        noSidewaysScrolling("roster page");
        Browser.screenshot(driver, "demand-roster-phone");
        driver.get(url("/demand/staffing"));
        assertThat(driver.findElements(By.cssSelector("#gaps-table tr.gap-short"))).isNotEmpty();
        noSidewaysScrolling("staffing page");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('gaps').scrollIntoView()");
        Browser.screenshot(driver, "demand-gaps-phone");
    }

    private void noSidewaysScrolling(String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("document width of the %s", page).isLessThanOrEqualTo(innerWidth.intValue());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
