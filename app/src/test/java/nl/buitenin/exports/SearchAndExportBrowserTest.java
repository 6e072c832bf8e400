package nl.buitenin.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
 * Search and the download buttons in the demo, in Chromium: an analyst on a desktop finds the comments about waiting by
 * "wacht" (its other forms found too), each with its touchpoint, a date in words and a link that opens; the buttons
 * download the files the API gives. An agent on a 360 px phone searches cases only, sees no comment download, and
 * neither page is wider than the phone. No ids or message keys on any page. Screenshots: target/screenshots/search-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchAndExportBrowserTest {

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
    void anAnalystSearchesCommentsAndDownloadsTheFilesOnADesktop() {
        driver = Browser.start(1280, 900);
        signIn("analist");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/search']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/search']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zoeken in wat mensen schreven");
        driver.findElement(By.id("s-q")).sendKeys("wachten telefoon");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        // The demo's comments are analysed (and their words indexed) after their commit: on a freshly loaded demo that
        // can take a while, so search again until they are in.
        String searched = driver.getCurrentUrl();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(90)).until(d -> {
            if (!d.findElements(By.cssSelector("#results li.result")).isEmpty()) {
                return true;
            }
            d.get(searched);
            return !d.findElements(By.cssSelector("#results li.result")).isEmpty();
        });

        List<WebElement> results = driver.findElements(By.cssSelector("#results li.result"));
        assertThat(results).as("the demo's comments about waiting on the phone").isNotEmpty();
        for (WebElement result : results) {
            String text = result.getText().toLowerCase(java.util.Locale.ROOT);
            assertThat(text).as("every word, in one of its forms").containsAnyOf("wacht", "wait").contains("telefo");
            assertThat(text).matches("(?s).*\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \\d{4}.*");
        }
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(page).doesNotContain("COMMENT").doesNotContain("NEGATIVE");
        Browser.screenshot(driver, "search-desktop");

        // Narrowed to negative texts: still found, each one negative.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("s-label"))).selectByVisibleText("negatief");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        assertThat(driver.findElements(By.cssSelector("#results li.result"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getText()).contains("negatief"));

        // The link opens the item: the touchpoint's comments.
        driver.findElement(By.cssSelector("#results li.result a")).click();
        assertThat(driver.getCurrentUrl()).contains("/listening/touchpoints/");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel");

        driver.get(url("/exports"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Scores en opmerkingen downloaden");
        Browser.screenshot(driver, "search-exports-desktop");
        for (String button : List.of("scores-csv", "scores-xlsx", "comments-csv", "comments-xlsx")) {
            Map<String, Object> download = fetch(button);
            assertThat(download.get("status")).as(button).isEqualTo(200L);
            assertThat((String) download.get("disposition")).as(button).contains("attachment");
        }
        assertThat((String) fetch("scores-csv").get("start")).startsWith("touchpoint,touchpoint_id,question,scale,week,n,score");
        assertThat((String) fetch("scores-xlsx").get("start")).as("a zip file").startsWith("PK");
    }

    @Test
    void anAgentSearchesCasesOnlyOnAPhone() {
        driver = Browser.phone(360, 740);
        signIn("medewerker");
        driver.get(url("/search"));
        assertThat(Browser.foundNow(driver, By.name("source"))).as("an agent searches cases only").isEmpty();
        assertFitsTheScreen("search page");
        driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        List<WebElement> results = driver.findElements(By.cssSelector("#results li.result"));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("klacht of zaak"));
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        assertFitsTheScreen("search results");
        Browser.screenshot(driver, "search-phone-agent");
        driver.findElement(By.cssSelector("#results li.result a")).click();
        assertThat(driver.getCurrentUrl()).contains("/cases/");

        driver.get(url("/exports"));
        assertThat(Browser.foundNow(driver, By.id("comments-csv"))).as("no comments for an agent").isEmpty();
        assertThat(driver.findElements(By.id("scores-xlsx"))).hasSize(1);
        assertThat((Long) fetch("scores-csv").get("status")).isEqualTo(200L);
        assertFitsTheScreen("exports page");
        Browser.screenshot(driver, "search-exports-phone");
    }

    /** What the button downloads, fetched by the page itself with its session: status, disposition and the first bytes. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String button) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const button = document.getElementById(arguments[0]);
                const form = button.form;
                const url = new URL(button.getAttribute('formaction'), location.href);
                new FormData(form).forEach((v, k) => url.searchParams.append(k, v));
                fetch(url).then(r => r.arrayBuffer().then(b => done({status: r.status,
                    disposition: r.headers.get('content-disposition') || '',
                    start: String.fromCharCode(...new Uint8Array(b.slice(0, 60)))})));
                """, button);
    }

    private void assertFitsTheScreen(String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("document width of the %s", page).isLessThanOrEqualTo(innerWidth.intValue());
    }

    private void signIn(String username) {
        Browser.signInInDutch(driver, url(""), username, "buitenpad-demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
