package nl.buitenin.organisation.web;

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
 * Each role's start page of the demo in Chromium, on a desktop and on a 360 px phone, in Dutch and English: the
 * panels of that role and no other, every figure a link, no id or message key in the visible text, and nothing wider
 * than the window. Screenshots: target/screenshots/start-&lt;user&gt;-&lt;width&gt;-&lt;language&gt;.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StartPageBrowserTest {

    /** The Dutch panel headings each demo user should see, in order. */
    private static final Map<String, List<String>> PANELS = Map.of(
            "analist", List.of("Respons (laatste 30 dagen)", "Scores per klantreis (laatste 12 weken)", "De lus sluiten",
                    "Thema's in opkomst (laatste 4 weken)"),
            "medewerker", List.of("Mijn werk"),
            "teamleider", List.of("Mijn werk", "Mijn team"),
            "planner", List.of("Drukte vandaag", "Bezetting komende dagen"),
            "fg", List.of("Privacy: verzoeken en bewaartermijnen"),
            "beheerder", List.of());

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
    void everyRoleSeesItsOwnPanelsOnDesktopAndPhone() {
        for (int width : new int[] {1280, 360}) {
            for (Map.Entry<String, List<String>> user : PANELS.entrySet()) {
                driver = width == 360 ? Browser.phone(360, 740) : Browser.start(width, 900);
                signIn(user.getKey());
                for (String language : List.of("nl", "en")) {
                    driver.findElement(By.cssSelector("form.lang button[value=" + language + "]")).click();
                    String shot = "start-" + user.getKey() + "-" + width + "-" + language;
                    Browser.screenshot(driver, shot);
                    List<String> headings = Browser.foundNow(driver, By.cssSelector(".panel h2")).stream().map(WebElement::getText).toList();
                    if (language.equals("nl")) {
                        assertThat(headings).as("panels of %s", user.getKey()).containsExactlyElementsOf(user.getValue());
                    } else {
                        assertThat(headings).as("panels of %s in English", user.getKey()).hasSize(user.getValue().size());
                    }
                    String text = driver.findElement(By.tagName("main")).getText();
                    assertThat(VisibleText.problemsInText(text)).as("ids or keys on %s", shot).isEmpty();
                    assertThat(text).as("untranslated text on %s", shot).doesNotContain("??");
                    for (WebElement panel : driver.findElements(By.cssSelector(".panel"))) {
                        List<WebElement> figures = Browser.foundNow(driver, panel, By.cssSelector("a.figure"));
                        // A panel shows figures, or says in words why it has none.
                        assertThat(figures.isEmpty() ? panel.findElement(By.cssSelector("p.muted")).getText() : "figures")
                                .as("panel %s on %s", panel.findElement(By.tagName("h2")).getText(), shot).isNotBlank();
                        figures.forEach(f -> assertThat(f.getDomAttribute("href")).startsWith("/"));
                    }
                    assertThat(pageWidth()).as("page width of %s", shot).isLessThanOrEqualTo(windowWidth());
                }
                driver.quit();
                driver = null;
            }
        }
    }

    /** The analyst's scores carry n and the 95 % interval; the agent's queue links to the cases. */
    @Test
    void figuresShowNAndIntervalAndLinkToTheirDetail() {
        driver = Browser.start(1280, 900);
        signIn("analist");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        List<WebElement> scores = driver.findElements(By.cssSelector(".panel a.figure[href='/insight/journey-map']"));
        assertThat(scores).isNotEmpty();
        WebElement withValue = scores.stream().filter(f -> !f.findElements(By.cssSelector(".figure-value")).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no score of the demo has enough answers"));
        assertThat(withValue.getText()).containsPattern("n = \\d").contains("95 %-interval");
        withValue.click();
        assertThat(driver.getCurrentUrl()).endsWith("/insight/journey-map");
        driver.quit();

        driver = Browser.start(1280, 900);
        signIn("medewerker");
        driver.findElement(By.cssSelector(".panel a.figure[href='/cases']")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/cases");
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
