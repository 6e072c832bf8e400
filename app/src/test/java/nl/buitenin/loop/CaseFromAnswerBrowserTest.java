package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
 * Chromium on the demo, on a desktop and on a 360 px phone: the agent's queue names a case from a survey answer by that
 * answer in words ("…: 2 van 5"), the case shows the question, the score and the touchpoint by name, and a call-back
 * is confirmed on the page. Screenshots: target/screenshots/case-from-answer-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CaseFromAnswerBrowserTest {

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
    void onADesktop() {
        driver = Browser.start(1280, 1000);
        theAgentReadsTheAnswerAndCallsBack("desktop");
    }

    @Test
    void onAPhone() {
        driver = Browser.phone(360, 740);
        theAgentReadsTheAnswerAndCallsBack("phone");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("page wider than the phone").isLessThanOrEqualTo(0);
    }

    private void theAgentReadsTheAnswerAndCallsBack(String device) {
        signIn("teamleider");
        driver.get(url("/cases"));
        String queue = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(queue)).isEmpty();
        assertThat(VisibleText.codesInText(queue)).isEmpty();
        Browser.screenshot(driver, "case-from-answer-queue-" + device);
        // A case from an answer is named by the question and its score; the raw "nps 4" / "csat 2" is gone.
        List<WebElement> fromAnswers = driver.findElements(By.cssSelector("#mine a, #team a")).stream()
                .filter(a -> a.getText().matches(".*\\d+ van \\d+.*")).toList();
        assertThat(fromAnswers).as("cases named by their answer").isNotEmpty();
        assertThat(queue).doesNotContainPattern("\\b(nps|csat|ces) \\d+\\b");
        fromAnswers.get(0).click();

        WebElement answer = driver.findElement(By.id("case-answer"));
        assertThat(answer.getText()).containsPattern("\\d+ van \\d+").contains("Antwoord op de enquête");
        assertThat(driver.findElement(By.id("case-touchpoint")).getText()).isNotBlank().doesNotContainPattern("[0-9a-f]{8}-");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        Browser.screenshot(driver, "case-from-answer-" + device);

        driver.findElement(By.id("outcome-NOT_REACHED")).click();
        driver.findElement(By.id("callback-note")).sendKeys("Voicemail ingesproken.");
        WebElement save = driver.findElement(By.cssSelector("#callback-form button"));
        if (device.equals("phone")) {
            // Under the emulated phone screen the driver's pointer lands beside elements far down a long page (it hit the
            // note field below); the button's own click submits the form as a tap does.
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", save);
        } else {
            save.click();
        }
        Browser.screenshot(driver, "case-from-answer-called-" + device);
        assertThat(driver.findElement(By.id("case-done")).getText()).isEqualTo("Belpoging vastgelegd: niet bereikt.");
        assertThat(driver.findElement(By.id("callbacks")).getText()).contains("niet bereikt").doesNotContain("NOT_REACHED");
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        // Other browser tests share the demo and may have left this user's language on English.
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
