package nl.buitenin.textinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;

/**
 * An agent on a phone records what a caller said in the demo: sees the notes Buitenpad's staff recorded with the
 * sentiment read in them, gets a missing text named, records a note and sees it listed; then reads the page in
 * English. No ids or codes on the page. Screenshots go to target/screenshots/notes-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class NotesBrowserTest {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAgentRecordsWhatACallerSaidOnAPhone() {
        driver = Browser.start(390, 844);
        signIn("medewerker");
        driver.get(url("/"));
        // Through the menu: the group that holds the notes opens first.
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/notes']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/notes']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wat we hoorden");
        // The demo's notes are analysed after their commit; the page shows the label once that is done.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#notes li.note")).size() >= 16
                    && d.findElements(By.xpath("//li[contains(@class,'note')]//strong[text()='nog niet bepaald']")).isEmpty();
        });
        assertThat(driver.findElement(By.id("notes")).getText()).contains("negatief").contains("positief").contains("focusgroep");
        Browser.screenshot(driver, "notes-phone");

        new Select(driver.findElement(By.id("touchpoint"))).selectByVisibleText("Vragen per telefoon");
        new Select(driver.findElement(By.id("kind"))).selectByVisibleText("telefoongesprek");
        // Leaving the text empty is told by field (the browser's own check is switched off to reach the server).
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('note-form').noValidate = true;");
        driver.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        WebElement alert = driver.findElement(By.cssSelector(".alert.error"));
        assertThat(alert.getText()).contains("text").contains("schrijf op wat u hoorde");
        Browser.screenshot(driver, "notes-missing-text");

        new Select(driver.findElement(By.id("touchpoint"))).selectByVisibleText("Vragen per telefoon");
        driver.findElement(By.id("text")).sendKeys("Meneer was erg blij met de snelle hulp bij zijn boeking.");
        driver.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector("p.alert[role=status]")).getText()).startsWith("Vastgelegd.");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            WebElement first = d.findElement(By.cssSelector("#notes li.note"));
            return first.getText().contains("Meneer was erg blij") && first.getText().contains("positief");
        });
        String shown = driver.findElement(By.tagName("main")).getText();
        assertThat(UUID_TEXT.matcher(shown).find()).as("no ids on the page").isFalse();
        assertThat(shown).doesNotContain("PHONE_CALL").doesNotContain("textinsight.").doesNotContain("p_");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "notes-recorded");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What we heard");
        assertThat(driver.findElement(By.id("notes")).getText()).contains("phone call").contains("positive");
        Browser.screenshot(driver, "notes-en");
        assertThat(jdbc.queryForObject("select count(*) from textinsight_analysis where source_kind = 'COMMENT'", Long.class))
                .as("the demo's comments are analysed").isPositive();
    }

    private void signIn(String username) {
        Browser.signInInDutch(driver, url(""), username, "buitenpad-demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
