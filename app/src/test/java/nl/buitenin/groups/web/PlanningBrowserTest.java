package nl.buitenin.groups.web;

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
 * The demo's planner opens "Begeleiders plannen" from the menu on a desktop: on the first Saturday the guide who likes
 * to walk on (gids-01, brisk) is not on the recreational stroll in the best assignment, while the planner's own
 * assignment put him there and shows the mismatch; the mismatch avoided is shown, and the German trip only one guide can
 * take says why places stay open. On a 360 px phone the page fits the screen and reads in English. No ids, codes or
 * message keys on the page. Screenshots go to target/screenshots/planning-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PlanningBrowserTest {

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
    void thePlannerSeesTheWalkerOnTheBriskTripAndTheMismatchAvoided() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "planner", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/groups/planning']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/groups/planning']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Begeleiders plannen");

        List<WebElement> strolls = driver.findElements(By.xpath("//article[h3='Veluwe, genieten onderweg']"));
        assertThat(strolls).hasSize(4);
        for (WebElement stroll : strolls) {
            String best = stroll.findElement(By.xpath(".//dt[.='Beste']/following-sibling::dd[1]")).getText();
            assertThat(best).doesNotContain("gids-01");
        }
        String firstCurrent = strolls.get(0).findElement(By.xpath(".//dt[.='Huidig']/following-sibling::dd[1]")).getText();
        assertThat(firstCurrent).contains("gids-01", "6 punten: tempo, onderwerp, groep");
        assertThat(driver.findElement(By.xpath("//dt[.='Huidige indeling']/following-sibling::dd")).getText())
                .containsPattern("[1-9]\\d* meer dan de beste indeling op die tochten");

        String summary = driver.findElement(By.id("planning-summary")).getText();
        assertThat(summary).contains("Beste indeling", "Eerste vrije begeleider", "Vermeden mismatch", "Huidige indeling");
        int avoided = Integer.parseInt(driver.findElement(By.xpath("//dt[.='Vermeden mismatch']/following-sibling::dd/strong")).getText());
        assertThat(avoided).isPositive();
        String german = driver.findElement(By.xpath("//article[h3='Eifel-Grenzweg (Deutsch)']")).getText();
        assertThat(german).contains("1 van de 2 plaatsen blijven open", "van wie 1 Duits spreken");

        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, "planning-desktop");
    }

    @Test
    void thePageFitsAPhoneInEnglish() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "planner", "buitenpad-demo");
        driver.get(url("/groups/planning"));
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(url("/groups/planning"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Planning guides");
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Mismatch avoided", "Veluwe, genieten onderweg", "Brisk pace", "Enjoying the way", "of whom 1 speak German");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(VisibleText.codesInText(english)).isEmpty();
        Browser.screenshot(driver, "planning-phone-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
