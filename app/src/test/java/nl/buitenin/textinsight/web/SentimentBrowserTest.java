package nl.buitenin.textinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * In the demo, the analyst reads the sentiment of Buitenpad's comments in words, corrects one in place (the page is not
 * loaded again) and lists the negative ones; an agent sees the sentiment of a complaint on the case page without a
 * way to correct it, and an agent of the same team who is also an analyst corrects it. The trend page shows the weekly
 * share with its table. No ids, codes or keys on the pages. Screenshots: target/screenshots/sentiment-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SentimentBrowserTest {

    private static final List<String> WORDS = List.of("negatief", "neutraal", "positief");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcUsers users;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theAnalystReadsAndCorrectsTheSentimentOfComments() {
        driver = Browser.start(1200, 900);
        signIn("analist", "buitenpad-demo");
        // The demo's comments are analysed after their commit; wait until the latest show their sentiment.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            d.get(url("/loop/comments"));
            return !d.findElements(By.cssSelector("#answers li.answer .sentiment strong.feeling")).isEmpty();
        });
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Opmerkingen en thema's");
        WebElement answer = driver.findElement(By.xpath("//li[contains(@class,'answer')][.//strong[contains(@class,'feeling')]]"));
        String id = answer.getAttribute("id");
        String before = answer.findElement(By.cssSelector("strong.feeling")).getText();
        assertThat(WORDS).contains(before);
        assertThat(answer.findElement(By.cssSelector(".sentiment meter")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "sentiment-comments");

        String after = before.equals("negatief") ? "positief" : "negatief";
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
        new Select(answer.findElement(By.cssSelector("select[name=label]"))).selectByVisibleText(after);
        answer.findElement(By.cssSelector("form.correct button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            WebElement swapped = d.findElement(By.id(id));
            return swapped.findElement(By.cssSelector("strong.feeling")).getText().equals(after)
                    && swapped.getText().contains("door een analist aangepast");
        });
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).as("corrected in place").isEqualTo(true);
        String response = id.substring("answer-".length());
        assertThat(jdbc.queryForObject("select corrected_label from textinsight_analysis where source_kind = 'COMMENT' and source_ref = ?",
                String.class, response)).isEqualTo(after.equals("negatief") ? "negative" : "positive");
        Browser.screenshot(driver, "sentiment-corrected");

        new Select(driver.findElement(By.id("sentiment"))).selectByVisibleText("negatief");
        driver.findElement(By.cssSelector("form.row button[type=submit]")).click();
        List<WebElement> feelings = driver.findElements(By.cssSelector("#answers strong.feeling"));
        assertThat(feelings).isNotEmpty();
        assertThat(feelings).allSatisfy(f -> assertThat(f.getText()).isEqualTo("negatief"));
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        Browser.screenshot(driver, "sentiment-negative");

        driver.findElement(By.linkText("Aandeel negatief per week")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Aandeel negatief per week");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("sentiment-trend")).getAttribute("data-drawn")));
        List<WebElement> weeks = driver.findElements(By.cssSelector("#trend-table tbody tr"));
        assertThat(weeks).hasSize(12);
        assertThat(driver.findElement(By.id("trend-table")).getText()).contains("%").contains("Week van");
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        Browser.screenshot(driver, "sentiment-trend");
    }

    @Test
    void anAgentSeesACaseTextsSentimentAndAnAnalystOfTheTeamCorrectsIt() {
        driver = Browser.start(1200, 900);
        // A complaint of the demo whose text was analysed, in the demo agent's team.
        String id = waitForAnalysedComplaint();
        signIn("medewerker", "buitenpad-demo");
        driver.get(url("/cases/" + id));
        WebElement sentiment = driver.findElement(By.cssSelector(".sentiment"));
        String before = sentiment.findElement(By.cssSelector("strong.feeling")).getText();
        assertThat(WORDS).contains(before);
        assertThat(Browser.foundNow(driver, By.cssSelector(".sentiment form.correct"))).as("an agent cannot correct").isEmpty();
        // The sentiment says nothing but words (the case's history names its source by id: not this page's part).
        assertThat(VisibleText.problemsInText(sentiment.getText())).isEmpty();
        Browser.screenshot(driver, "sentiment-case-agent");
        driver.manage().deleteAllCookies();

        String name = "analist-agent-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, "Ada Analist", "a long enough password", Set.of(Role.AGENT, Role.ANALYST), "Klantenservice", "nl", false));
        signIn(name, "a long enough password");
        driver.get(url("/cases/" + id));
        String after = before.equals("neutraal") ? "positief" : "neutraal";
        new Select(driver.findElement(By.cssSelector(".sentiment select[name=label]"))).selectByVisibleText(after);
        driver.findElement(By.cssSelector(".sentiment form.correct button[type=submit]")).click();
        WebElement corrected = driver.findElement(By.cssSelector(".sentiment"));
        assertThat(corrected.findElement(By.cssSelector("strong.feeling")).getText()).isEqualTo(after);
        assertThat(corrected.getText()).contains("door een analist aangepast");
        Browser.screenshot(driver, "sentiment-case-corrected");
    }

    private String waitForAnalysedComplaint() {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> jdbc.queryForList(
                "select a.source_ref from textinsight_analysis a join loop_case c on cast(c.id as varchar(100)) = a.source_ref "
                        + "where a.source_kind = 'CASE' and c.team = 'Klantenservice' and a.corrected_label is null order by a.source_ref",
                String.class).stream().findFirst().orElse(null));
    }

    private void signIn(String username, String password) {
        Browser.signInInDutch(driver, url(""), username, password);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
