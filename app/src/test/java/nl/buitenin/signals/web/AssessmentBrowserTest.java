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
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.signals.internal.assessment.Assessment;
import nl.buitenin.signals.internal.assessment.AssessmentRound;
import nl.buitenin.signals.internal.assessment.RoundForm;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Day's self-assessment on the demo in Chromium: an analyst opens the results through the menu and reads, in words,
 * that management is more positive about market sensing than the front line, with "Directie" (three colleagues) hidden
 * and both rounds over time; then in English, and on a 360 px phone. A colleague answers the questionnaire on a phone
 * from a fresh link. Screenshots go to target/screenshots/assessment-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AssessmentBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Assessment assessment;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAnalystReadsTheGapBetweenManagementAndTheFrontLine() {
        driver = Browser.start(1280, 900);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/signals/assessment']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/signals/assessment']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zelfevaluatie: hoe marktgericht zijn we?");
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Leidinggevenden zijn positiever over marktwaarneming dan de medewerkers met klantcontact")
                .contains("Directie").contains("verborgen: minder dan 5 collega's").contains("Zelfevaluatie voorjaar")
                .contains("Zelfevaluatie zomer").contains("n = ");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        Browser.screenshot(driver, "assessment-desktop");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(url("/signals/assessment"));
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Self-assessment: how market-driven are we?")
                .contains("Management is more positive about market sensing than front-line staff");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
    }

    @Test
    void onAPhoneTheResultsFitAndAColleagueAnswersFromALink() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/signals/assessment"));
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Per vermogen en afdeling").contains("n = ");
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits the phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "assessment-phone");

        AssessmentRound round = assessment.defineRound(new RoundForm(Unique.name("Herfst"), assessment.today().toString(),
                assessment.today().plusDays(14).toString()));
        String link = assessment.links(round.id(), "Reisleiding", "front_line", "1").get(0);
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hoe marktgericht zijn we?");
        List<WebElement> fours = driver.findElements(By.cssSelector("input[type=radio][value='4']"));
        assertThat(fours).hasSize(15);
        for (WebElement four : fours.subList(0, 5)) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", four);
            four.click();
        }
        Long formOverflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(formOverflow).as("the questionnaire fits the phone").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "assessment-questionnaire-phone");
        WebElement send = driver.findElement(By.id("send"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", send);
        send.click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Dank voor");
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet (meer)");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
