package nl.buitenin.assumptions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * The assumptions pages in Chromium on the demo, in Dutch and English: the list with verdicts, one assumption with its
 * evidence, the organisation's figure on a desktop, "Mijn aannames" on a 360 px phone without sideways scrolling, and the
 * demo workshop's result showing which of its assumptions held. Screenshots go to target/screenshots/assumptions-*.png
 * and workshop-held.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AssumptionsBrowserTest {

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
    void theAnalystReadsTheListOneAssumptionsEvidenceAndTheOrganisationsFigureInBothLanguages() {
        driver = Browser.start(1280, 900);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/assumptions"));
        String list = main();
        assertThat(list).contains("Aannames", "Bellen om te boeken scoort een 8 of hoger",
                "De meeste klachten over de reis gaan over de accommodatie", "Bevestigd", "Weerlegd", "Nog niet te toetsen");
        assertThat(VisibleText.problemsInText(list)).isEmpty();
        Browser.screenshot(driver, "assumptions-list");

        driver.findElement(By.linkText("De meeste klachten over de reis gaan over de accommodatie")).click();
        String one = main();
        assertThat(driver.findElement(By.id("explanation")).getText()).startsWith("Weerlegd: het hele 95%-interval");
        assertThat(driver.findElement(By.id("evidence")).getText()).contains("n");
        assertThat(VisibleText.problemsInText(one)).isEmpty();
        Browser.screenshot(driver, "assumptions-one");
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.id("explanation")).getText()).startsWith("Refuted");
        assertThat(VisibleText.problemsInText(main())).isEmpty();

        driver.get(url("/assumptions"));
        assertThat(main()).contains("Assumptions", "Confirmed", "Refuted");
        driver.get(url("/assumptions/organisation"));
        String english = main();
        assertThat(english).contains("How well do we know our customers?");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        Browser.screenshot(driver, "assumptions-organisation-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        String dutch = main();
        assertThat(dutch).contains("Hoe goed kennen we onze klanten?");
        assertThat(VisibleText.problemsInText(dutch)).isEmpty();
        Browser.screenshot(driver, "assumptions-organisation");
    }

    @Test
    void mijnAannamesFitsAPhoneInBothLanguages() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "medewerker", "buitenpad-demo");
        driver.get(url("/assumptions/mine"));
        String dutch = main();
        assertThat(dutch).contains("Mijn aannames", "Bellen om te boeken scoort een 8 of hoger", "Bevestigd");
        assertThat(dutch).doesNotContain("Minder dan een kwart van de vragen aan de telefoon is faalvraag"); // the team leader's
        assertThat(VisibleText.problemsInText(dutch)).isEmpty();
        assertThat(sideways()).isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "assumptions-mine-phone");
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        String english = main();
        assertThat(english).contains("My assumptions", "Confirmed");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(sideways()).isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "assumptions-mine-phone-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    @Test
    void theDemoWorkshopsResultShowsWhichAssumptionsHeld() {
        driver = Browser.start(1280, 900);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/workshops"));
        driver.findElement(By.linkText("Klantreis-workshop: boeken en beleven")).click();
        driver.findElement(By.id("result-link")).click();
        String held = driver.findElement(By.id("assumptions-held")).getText();
        assertThat(held).contains("Welke aannames hielden stand", "Bellen om te boeken scoort een 8 of hoger", "Bevestigd:",
                "De meeste klachten over de reis gaan over de accommodatie", "Weerlegd:", "Mensen lezen de bevestigingsmail niet",
                "Nog niet te toetsen");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('assumptions-held').scrollIntoView();");
        Browser.screenshot(driver, "workshop-held");
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.id("assumptions-held")).getText()).contains("Which assumptions held", "Confirmed:", "Refuted:");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private long sideways() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
