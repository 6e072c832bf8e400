package nl.buitenin.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * Missed sales and market signals in Chromium on the demo: an agent logs a missed sale on a 360 px phone in two taps (a
 * quick pick and the reason) and it is stored once; an analyst reads the trends (Cuba asked most, and rising) and the
 * chain of "Vraag naar verre wandelreizen" from signal to the action in loop, in Dutch and English. No ids, codes or
 * message keys on the pages. Screenshots go to target/screenshots/signals-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MissedSalesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    long missed(String key) {
        return jdbc.sql("select count(*) from signals_missed_sale where asked_key = :k").param("k", key).query(Long.class).single();
    }

    @Test
    void anAgentLogsAMissedSaleOnAPhoneInTwoTaps() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "medewerker", "buitenpad-demo");
        driver.get(url("/signals/missed"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nee-verkoop vastleggen");
        List<WebElement> picks = driver.findElements(By.cssSelector(".quick-picks .pick span"));
        assertThat(picks).extracting(WebElement::getText).as("asked most in the demo, in the spelling used most").startsWith("Cuba");
        assertThat(noSidewaysScrolling()).isTrue();
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        Browser.screenshot(driver, "signals-missed-log-phone");

        long before = missed("cuba");
        picks.get(0).click();
        driver.findElement(By.id("reason-not_in_range")).click();
        assertThat(driver.findElement(By.id("missed-saved")).getText()).isEqualTo("Vastgelegd: Cuba (niet in assortiment).");
        assertThat(missed("cuba")).isEqualTo(before + 1);
        assertThat(noSidewaysScrolling()).isTrue();
        Browser.screenshot(driver, "signals-missed-saved-phone");
    }

    @Test
    void anAnalystReadsTheTrendsAndTheChainFromSignalToAction() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/signals/missed/trends']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/signals/missed/trends']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nee-verkopen");
        List<String> top = driver.findElements(By.cssSelector("#missed-top tbody th")).stream().map(WebElement::getText).toList();
        assertThat(top).as("each in the spelling written most often").startsWith("Cuba", "wandelreis met kinderen");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("niet in assortiment", "Per kanaal", "Utrecht", "Winkel of vestiging");
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        Browser.screenshot(driver, "signals-missed-trends");

        driver.findElement(By.linkText("Cuba")).click();
        List<Long> weeks = driver.findElements(By.cssSelector("#missed-weeks tbody tr td:nth-of-type(1)")).stream()
                .map(e -> Long.parseLong(e.getText())).toList();
        assertThat(weeks.size()).isGreaterThanOrEqualTo(26);
        long first = weeks.subList(0, 8).stream().mapToLong(Long::longValue).sum();
        long last = weeks.subList(weeks.size() - 8, weeks.size()).stream().mapToLong(Long::longValue).sum();
        assertThat(last).as("Cuba is asked for more and more").isGreaterThan(2 * first);

        driver.get(url("/signals/market"));
        assertThat(driver.findElement(By.id("signals")).getText()).contains("Vraag naar verre wandelreizen", "verbeteractie", "nog open",
                "niets doen");
        driver.findElement(By.linkText("Vraag naar verre wandelreizen")).click();
        String chain = driver.findElement(By.id("chain")).getText();
        assertThat(chain).contains("1. Signaal van buiten", "verschuiving in wat mensen vragen", "Cuba", "wandelreis Costa Rica",
                "2. Besluit", "besloten tot een verbeteractie", "3. Verandering binnen", "Proefreis Cuba in het aanbod voor het voorjaar",
                "gepland", "4. Resultaat", "Nog geen resultaat", "Opmerkingen met deze thema's", "aanbod van reizen");
        assertThat(driver.findElements(By.cssSelector("#chain-theme-counts tbody tr td.num"))).hasSize(6);
        String chainPage = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(chainPage)).isEmpty();
        assertThat(VisibleText.codesInText(chainPage)).isEmpty();
        Browser.screenshot(driver, "signals-chain");

        String address = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(address);
        String english = driver.findElement(By.id("chain")).getText();
        assertThat(english).contains("1. Signal from outside", "a shift in what people ask", "Trial walking trip to Cuba in the spring range",
                "planned", "No result yet", "Comments with these themes", "range of trips");
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        Browser.screenshot(driver, "signals-chain-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private boolean noSidewaysScrolling() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
                .intValue() <= 0;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
