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
 * An analyst opens "Gevonden in de gegevens" on the demo, searches for groups and reads each proposal's size and what
 * sets it apart, in Dutch on a desktop and in English on a 360 px phone (no sideways scrolling); then dismisses one.
 * No ids, codes or message keys on the page. Screenshots: target/screenshots/segments-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SegmentsBrowserTest {

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
    void anAnalystSearchesForGroupsOnADesktopAndDismissesOne() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/groups/segments']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/groups/segments']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gevonden in de gegevens");
        driver.findElement(By.id("segments-search")).click();
        assertThat(driver.findElement(By.id("segments-run")).getText()).containsPattern("onder \\d{1,3}(\\.\\d{3})* mensen: [2-6] groepen \\(silhouet 0,\\d\\d\\)");
        List<WebElement> cards = driver.findElements(By.cssSelector(".segment-card"));
        assertThat(cards).isNotEmpty();
        for (WebElement card : cards) {
            assertThat(card.getText()).containsPattern("\\d+ \\p{L}+").contains("Wat deze groep onderscheidt");
        }
        assertThat(driver.findElement(By.cssSelector(".segment-traits li")).getText()).containsPattern("gemiddeld|vaker|%");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        Browser.screenshot(driver, "segments-desktop");

        String first = cards.get(0).findElement(By.tagName("h2")).getText();
        cards.get(0).findElement(By.cssSelector(".segment-dismiss")).click();
        assertThat(Browser.foundNow(driver, By.xpath("//article[h2='" + first + "']"))).isEmpty();
    }

    @Test
    void theProposalsFitAPhoneInEnglish() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/groups/segments"));
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(url("/groups/segments"));
        driver.findElement(By.id("segments-search")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Found in the data");
        assertThat(driver.findElements(By.cssSelector(".segment-card"))).isNotEmpty();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("What sets this group apart", "Adopt as a group", "Dismiss");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(VisibleText.codesInText(english)).isEmpty();
        Browser.screenshot(driver, "segments-phone");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
