package nl.buitenin.groups.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * An analyst opens "Groepen" from the menu on a desktop, compares the demo's two walking groups and reads their scores
 * with n and interval and the difference with its interval and p-value; on a 360 px phone the page fits the screen
 * (no sideways scrolling) and reads in English too. No ids, codes or message keys on the page. Screenshots go to
 * target/screenshots/groups-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class GroupsBrowserTest {

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
    void anAnalystComparesTheTwoWalkingGroupsOnADesktop() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/groups']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/groups']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Groepen");
        String cards = driver.findElement(By.cssSelector(".group-cards")).getText();
        assertThat(cards).contains("Stevig tempo", "Genieten onderweg", "55 en ouder", "Vaste wandelaars", "zelf gekozen", "volgens een regel",
                "Interacties", "Faalvraag", "Respons op uitnodigingen");

        new Select(driver.findElement(By.id("groups-first"))).selectByVisibleText("Genieten onderweg");
        new Select(driver.findElement(By.id("groups-second"))).selectByVisibleText("Stevig tempo");
        driver.findElement(By.cssSelector("form.groups-filters button[type=submit]")).click();
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Verschil tussen Genieten onderweg en Stevig tempo");
        String difference = driver.findElement(By.id("group-difference")).getText();
        assertThat(difference).contains("NPS", "CSAT (tevreden)");
        assertThat(difference).containsPattern("NPS [+−]?\\d+ [+−]?\\d+ – [+−]?\\d+ (< )?0,\\d{3} (duidelijk|geen duidelijk) verschil");
        String enjoying = driver.findElement(By.xpath("//article[h2='Genieten onderweg']")).getText();
        assertThat(enjoying).containsPattern("NPS\\s+-?\\d+ \\(-?\\d+ – -?\\d+, n = \\d{1,3}(\\.\\d{3})*\\)");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        Browser.screenshot(driver, "groups-desktop");
    }

    @Test
    void thePageFitsAPhoneInDutchAndEnglish() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/groups"));
        new Select(driver.findElement(By.id("groups-first"))).selectByVisibleText("Genieten onderweg");
        new Select(driver.findElement(By.id("groups-second"))).selectByVisibleText("Stevig tempo");
        driver.findElement(By.cssSelector("form.groups-filters button[type=submit]")).click();
        assertThat(driver.findElement(By.id("group-difference")).isDisplayed()).isTrue();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "groups-phone");

        String comparison = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(comparison);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Groups");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Brisk pace", "Enjoying the way", "Difference between Enjoying the way and Brisk pace", "chosen by the person",
                "Interactions", "Failure demand", "Response to invitations");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(VisibleText.codesInText(english)).isEmpty();
        Browser.screenshot(driver, "groups-phone-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
