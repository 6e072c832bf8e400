package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.Browser;

/** A traveller answers on a phone: taps a score, picks the pace, writes a comment, saves, comes back, sends. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnswerPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerLinks links;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void answersOnAPhoneSizedScreen() {
        driver = Browser.start(390, 844);
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        UUID response = responses.create(survey.id(), new TouchpointId(UUID.randomUUID()), new PersonKey("p_eeeeeeeeeeeeeeeeeeeeeeeeee"),
                "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED, Instant.now(),
                Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        String link = "http://localhost:" + port + "/a/" + links.tokenFor(response, Instant.now().plus(14, ChronoUnit.DAYS));

        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Uw wandelreis");
        Browser.screenshot(driver, "answer-phone-form");
        driver.findElement(By.cssSelector("input[name='q.tempo'][value='te-snel']")).click();
        driver.findElement(By.cssSelector("button[value=save]")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).contains("opgeslagen");

        driver.get(link);
        assertThat(driver.findElement(By.cssSelector("input[name='q.tempo'][value='te-snel']")).isSelected()).isTrue();
        // Sending without the required score: the error names the question as the person read it, not its key.
        driver.findElement(By.cssSelector("button[value=send]")).click();
        String error = driver.findElement(By.id("answer-errors")).getText();
        assertThat(error).contains("Hoe waarschijnlijk is het dat u ons aanbeveelt?: geef een antwoord").doesNotContain("nps");
        assertThat(driver.findElement(By.cssSelector("#answer-errors a")).getDomAttribute("href")).isEqualTo("#question-nps");
        Browser.screenshot(driver, "answer-phone-error");
        driver.findElement(By.xpath("//input[@name='q.nps' and @value='8']/..")).click();
        driver.findElement(By.id("q-beter")).sendKeys("Iets rustiger lopen, dan zie je meer.");
        Browser.screenshot(driver, "answer-phone-filled");
        driver.findElement(By.cssSelector("button[value=send]")).click();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bedankt voor uw antwoorden");
        assertThat(driver.getPageSource()).contains("We lezen elke opmerking");
        Browser.screenshot(driver, "answer-phone-thanks");

        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet (meer)");
        assertThat(responses.byId(response).orElseThrow().answers()).hasSize(3);
    }
}
