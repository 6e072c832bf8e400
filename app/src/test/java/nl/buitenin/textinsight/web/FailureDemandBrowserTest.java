package nl.buitenin.textinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * An analyst on a phone opens the failure-demand page of the demo through the menu: the share per stage and
 * touchpoint with n and interval, the weeks, the kinds of failure in words and Buitenpad's repeated questions with
 * examples; opens an improvement action from the first question and finds it among loop's actions; then reads the page
 * in English. No ids, codes or message keys on the page. Screenshots go to target/screenshots/failure-demand-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FailureDemandBrowserTest {

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
    void anAnalystOpensAnImprovementActionFromARepeatedQuestion() {
        driver = Browser.phone(360, 740);
        signIn("analist");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/failure-demand']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/failure-demand']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Faalvraag");
        // The demo's contact reasons are read by its text-insight step; wait until the questions are there.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("li.question form.open-action")).isEmpty();
        });
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("n = ").contains("95%").contains("Per week").contains("navragen waar iets blijft");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits the phone; wide tables scroll in their own box").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "failure-demand-phone");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);",
                driver.findElement(By.cssSelector("article.failure-demand table")));
        Browser.screenshot(driver, "failure-demand-table");

        WebElement question = driver.findElement(By.cssSelector("li.question"));
        String label = question.findElement(By.tagName("h3")).getText();
        assertThat(label).startsWith("Over „");
        List<WebElement> examples = question.findElements(By.cssSelector("ul.examples q"));
        assertThat(examples).as("examples of the question").isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Select theme = new Select(question.findElement(By.cssSelector("select[name=theme]")));
        theme.selectByIndex(1);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", question);
        Browser.screenshot(driver, "failure-demand-question");
        question.findElement(By.cssSelector("form.open-action button[type=submit]")).click();

        WebElement opened = driver.findElement(By.id("opened"));
        String word = label.substring("Over „".length(), label.length() - 1);
        assertThat(opened.getText()).contains("Verbeteractie geopend voor de vraag over „" + word + "”");
        Browser.screenshot(driver, "failure-demand-opened");
        opened.findElement(By.linkText("Naar de verbeteracties")).click();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Faalvraag verminderen: vragen over „" + word + "”")
                .contains("/failure-demand?from=");

        driver.get(url("/failure-demand"));
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Failure demand");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Questions that keep coming back").contains("chasing something that did not come")
                .contains("Open an improvement action");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        Browser.screenshot(driver, "failure-demand-en");
    }

    /**
     * The example reasons of a repeated question show the themes found in them; an analyst confirms one in place (htmx:
     * the reason's themes are replaced, the page is not loaded again) and it reads as confirmed. Screenshot
     * failure-demand-reason-theme.png.
     */
    @Test
    void anAnalystConfirmsAThemeOfAnExampleReasonInPlace() {
        driver = Browser.start(1280, 900);
        signIn("analist");
        driver.get(url("/failure-demand"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("li.question .reason-themes button.confirm")).isEmpty();
        });
        WebElement themes = driver.findElement(By.xpath("//li[contains(@class,'question')]//div[contains(@class,'reason-themes')]"
                + "[.//button[contains(@class,'confirm')]]"));
        String id = themes.getAttribute("id");
        WebElement tag = themes.findElement(By.xpath(".//li[.//button[contains(@class,'confirm')]]"));
        String theme = tag.findElement(By.tagName("span")).getText();
        assertThat(tag.getText()).contains("automatisch").contains("% zeker").contains("Klopt niet");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); window.notReloaded = true;", themes);
        Browser.screenshot(driver, "failure-demand-reason-theme");
        tag.findElement(By.cssSelector("button.confirm")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            WebElement now = d.findElement(By.xpath("//div[@id='" + id + "']//li[span[text()='" + theme + "']]"));
            return now.findElements(By.tagName("button")).isEmpty() && now.getText().contains("automatisch, bevestigd");
        });
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"))
                .as("confirmed in place, without loading the page again").isEqualTo(true);
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id(id)));
        Browser.screenshot(driver, "failure-demand-reason-theme-confirmed");
        driver.navigate().refresh();
        assertThat(driver.findElement(By.xpath("//div[@id='" + id + "']//li[span[text()='" + theme + "']]")).getText()).as("stored")
                .contains("automatisch, bevestigd");
    }

    private void signIn(String username) {
        Browser.signInInDutch(driver, url(""), username, "buitenpad-demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
