package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * The demo's journey map in Chromium as an analyst, on a 1 280 px desktop and a 360 px phone, in Dutch and English:
 * stages as columns of touchpoint cards, the page never wider than the window (only the map's own area may scroll
 * sideways on a desktop), no id, message key or raw question key in what a person reads; the comments open under a
 * card; the table view for screen readers; the channel filter; choosing a customer group (its scores, the other figures
 * "niet per groep"). Screenshots: journey-map-cards-*.png, journey-map-group-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class JourneyMapBrowserTest {

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
    void theMapIsCardsPerStageAndFitsADesktopAndAPhone() {
        for (int width : new int[] {1280, 360}) {
            driver = width == 360 ? Browser.phone(360, 740) : Browser.start(1280, 900);
            signIn("analist");
            for (String language : new String[] {"nl", "en"}) {
                driver.get(url("/"));
                driver.findElement(By.cssSelector("form.lang button[value=" + language + "]")).click();
                driver.get(url("/insight/journey-map"));
                List<WebElement> stages = driver.findElements(By.cssSelector(".cards-view .stage"));
                List<WebElement> cards = driver.findElements(By.cssSelector(".cards-view .card[data-touchpoint]"));
                assertThat(stages).as("stages at %d px", width).hasSizeGreaterThan(1);
                assertThat(cards).as("cards at %d px", width).hasSizeGreaterThan(stages.size() - 1);
                assertThat(Browser.foundNow(driver, By.cssSelector("table.map"))).isEmpty();
                assertThat(pageWidth()).as("page width at %d px (%s)", width, language).isLessThanOrEqualTo(windowWidth());
                String text = driver.findElement(By.tagName("main")).getText();
                assertThat(VisibleText.problemsInText(text)).as("ids and keys at %d px (%s)", width, language).isEmpty();
                assertThat(text).doesNotContainPattern("\\b(nps|csat|ces)\\b");
                if (width == 360) {
                    // On a phone the stages stack: the second stage starts below the first, not beside it.
                    assertThat(stages.get(1).getLocation().getY()).isGreaterThan(stages.get(0).getLocation().getY());
                    assertThat(stages.get(1).getLocation().getX()).isEqualTo(stages.get(0).getLocation().getX());
                } else {
                    // On a desktop the stages stand side by side as columns.
                    assertThat(stages.get(1).getLocation().getY()).isEqualTo(stages.get(0).getLocation().getY());
                    assertThat(stages.get(1).getLocation().getX()).isGreaterThan(stages.get(0).getLocation().getX());
                }
                Browser.screenshot(driver, "journey-map-cards-" + language + "-" + width);
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", stages.get(0));
                Browser.screenshot(driver, "journey-map-cards-" + language + "-" + width + "-stages");
            }
            driver.quit();
            driver = null;
        }
    }

    @Test
    void commentsOpenUnderACardAndTheTableViewAndChannelFilterWork() {
        driver = Browser.start(1280, 900);
        signIn("analist");
        driver.get(url("/"));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        driver.get(url("/insight/journey-map"));
        WebElement card = driver.findElements(By.cssSelector(".card[data-touchpoint]")).stream()
                .filter(c -> !Browser.foundNow(driver, c, By.tagName("details")).isEmpty()).findFirst().orElseThrow();
        WebElement details = card.findElement(By.tagName("details"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", details);
        details.findElement(By.tagName("summary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !details.findElements(By.cssSelector(".comments")).isEmpty());
        assertThat(VisibleText.problemsInText(details.getText())).isEmpty();
        assertThat(card.findElement(By.cssSelector("svg.spark, .trend .muted")).isDisplayed()).isTrue();

        driver.findElement(By.id("to-table")).click();
        assertThat(driver.findElements(By.cssSelector("table.map"))).isNotEmpty();
        assertThat(Browser.foundNow(driver, By.cssSelector(".card[data-touchpoint]"))).isEmpty();
        assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
        Browser.screenshot(driver, "journey-map-table");
        driver.findElement(By.id("to-cards")).click();
        assertThat(driver.findElements(By.cssSelector(".card[data-touchpoint]"))).isNotEmpty();

        int all = driver.findElements(By.cssSelector(".card[data-touchpoint]")).size();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("map-channel"))).selectByValue("PHONE");
        driver.findElement(By.cssSelector("form.map-filters button[type=submit]")).click();
        List<WebElement> phoneCards = driver.findElements(By.cssSelector(".card[data-touchpoint]"));
        assertThat(phoneCards.size()).isLessThan(all);
        assertThat(phoneCards).allSatisfy(c -> assertThat(c.findElement(By.cssSelector(".channel")).getText()).isEqualTo("Telefoon"));
    }

    @Test
    void choosingAGroupShowsItsScoresAndSaysWhatIsNotPerGroup() {
        for (int width : new int[] {1280, 360}) {
            driver = width == 360 ? Browser.phone(360, 740) : Browser.start(1280, 900);
            signIn("analist");
            driver.get(url("/"));
            driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
            driver.get(url("/insight/journey-map"));
            java.util.Map<String, Long> everyone = answersPerCard();
            assertThat(Browser.foundNow(driver, By.id("group-scope"))).isEmpty();
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("map-group"))).selectByVisibleText("Genieten onderweg");
            WebElement show = driver.findElement(By.cssSelector("form.map-filters button[type=submit]"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", show);
            show.click();
            assertThat(driver.findElement(By.id("group-scope")).getText()).contains("Genieten onderweg", "Alleen de scores");
            assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("map-group"))).getFirstSelectedOption().getText())
                    .isEqualTo("Genieten onderweg");
            java.util.Map<String, Long> group = answersPerCard();
            assertThat(group).as("cards with the group's answers").isNotEmpty();
            // A group's answers are some of everyone's, at every touchpoint, and fewer in total.
            group.forEach((touchpoint, n) -> assertThat(n).as(touchpoint).isLessThanOrEqualTo(everyone.getOrDefault(touchpoint, 0L)));
            assertThat(group.values().stream().mapToLong(Long::longValue).sum())
                    .isLessThan(everyone.values().stream().mapToLong(Long::longValue).sum());
            List<WebElement> notPerGroup = driver.findElements(By.cssSelector(".card .not-per-group"));
            assertThat(notPerGroup).isNotEmpty().allSatisfy(e -> assertThat(e.getText()).isEqualTo("niet per groep"));
            assertThat(Browser.foundNow(driver, By.cssSelector(".card .volume, .card svg.spark, .card details"))).isEmpty();
            assertThat(pageWidth()).as("page width at %d px", width).isLessThanOrEqualTo(windowWidth());
            assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("main")).getText())).isEmpty();
            Browser.screenshot(driver, "journey-map-group-nl-" + width);
            driver.findElement(By.id("to-table")).click();
            assertThat(driver.findElement(By.id("group-scope")).getText()).contains("Genieten onderweg");
            assertThat(driver.findElements(By.cssSelector("table.map .not-per-group"))).isNotEmpty();
            driver.quit();
            driver = null;
        }
    }

    /** Per card with a shown main score, its n (read in one script: a card without a score would wait for the implicit timeout). */
    @SuppressWarnings("unchecked")
    private java.util.Map<String, Long> answersPerCard() {
        java.util.Map<String, Object> read = (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const answers = {};
                document.querySelectorAll('.card[data-touchpoint]').forEach(card => {
                  const n = card.querySelector('.main-score .n');
                  const text = n ? n.textContent.trim() : '';
                  if (text.startsWith('n = ')) answers[card.dataset.touchpoint] = text.substring(4).replace(/[^0-9]/g, '');
                });
                return answers;""");
        java.util.Map<String, Long> answers = new java.util.HashMap<>();
        read.forEach((touchpoint, n) -> answers.put(touchpoint, Long.parseLong(String.valueOf(n))));
        return answers;
    }

    private long pageWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    private long windowWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
