package nl.buitenin.textinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * An analyst on a phone looks for new themes among the demo's comments of the last 90 days (htmx, with a busy line
 * while it runs), adopts the first suggestion under a name of her own, dismisses the next, finds the adopted theme
 * with its example phrases on the themes page, and reads the page in English. No ids, codes or message keys on the
 * page. Screenshots go to target/screenshots/suggested-themes-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SuggestedThemesBrowserTest {

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
    void anAnalystAdoptsOneSuggestedThemeAndDismissesAnother() {
        driver = Browser.phone(360, 740);
        // The demo's comments are analysed after their commit; discovery reads the analysed ones.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                jdbc.queryForObject("select count(*) from textinsight_analysis where source_kind = 'COMMENT'", Long.class) > 100);
        signIn("analist");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/themes/suggested']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/themes/suggested']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nieuwe thema's");
        assertThat(driver.findElement(By.id("suggested")).getText()).contains("Er is nog niet gezocht");
        assertThat(driver.findElement(By.id("busy")).isDisplayed()).as("the busy line shows only while searching").isFalse();

        driver.findElement(By.cssSelector("#discover-form button[type=submit]")).click();
        WebElement first = new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> d.findElements(By.cssSelector("#suggestions li.suggestion")).stream().findFirst().orElse(null));
        assertThat(driver.findElement(By.id("busy")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#suggested p.run")).getText()).startsWith("Gezocht op").contains("teksten gelezen");
        List<WebElement> cards = driver.findElements(By.cssSelector("#suggestions li.suggestion"));
        assertThat(cards).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.findElement(By.cssSelector(".size")).getText()).matches("\\d+ opmerkingen?");
        assertThat(first.findElements(By.cssSelector("ul.examples q"))).hasSizeBetween(1, 3);
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(page).doesNotContain("COMMENT").doesNotContain("SUGGESTED");
        Browser.screenshot(driver, "suggested-themes-phone");

        // Adopt the first under a name of the analyst's own.
        String firstId = first.getAttribute("id");
        WebElement nameNl = first.findElement(By.cssSelector("input[name=nameNl]"));
        nameNl.clear();
        nameNl.sendKeys("Ontdekt thema");
        WebElement nameEn = first.findElement(By.cssSelector("input[name=nameEn]"));
        nameEn.clear();
        nameEn.sendKeys("Discovered theme");
        first.findElement(By.cssSelector("form.adopt button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id(firstId)).getText().contains("Overgenomen als thema 'Ontdekt thema'"));

        // Dismiss the second.
        WebElement second = driver.findElements(By.cssSelector("#suggestions li.suggestion")).get(1);
        String secondId = second.getAttribute("id");
        String secondTitle = second.findElement(By.tagName("h2")).getText();
        second.findElement(By.cssSelector("form.dismiss button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id(secondId)).getText().contains("Afgewezen"));
        Browser.screenshot(driver, "suggested-themes-decided");

        // Opened again: neither is waiting any more; the adopted theme is on the themes page with its phrases.
        driver.get(url("/themes/suggested"));
        assertThat(Browser.foundNow(driver, By.id(firstId))).isEmpty();
        assertThat(Browser.foundNow(driver, By.id(secondId))).isEmpty();
        assertThat(driver.findElement(By.id("suggested")).getText()).doesNotContain(secondTitle + "\n");
        driver.get(url("/loop/themes"));
        WebElement row = driver.findElement(By.xpath("//table[@id='themes']//tr[td[text()='Ontdekt thema']]"));
        assertThat(row.getText()).contains("Discovered theme");
        assertThat(row.findElements(By.cssSelector("ul.examples li"))).isNotEmpty();

        driver.get(url("/themes/suggested"));
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Suggested themes");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Searched on").contains("Adopt").contains("Dismiss");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        Browser.screenshot(driver, "suggested-themes-en");
    }

    private void signIn(String username) {
        Browser.signInInDutch(driver, url(""), username, "buitenpad-demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
