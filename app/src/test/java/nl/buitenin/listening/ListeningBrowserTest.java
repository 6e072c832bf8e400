package nl.buitenin.listening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;

/**
 * An analyst in Chromium writes a survey with a leading and a double-barrelled question, reads the
 * checker's advice, rewrites, publishes, makes a new version, previews it on a phone and sets the
 * contact policy. Screenshots: target/screenshots/listening-*.png and contact-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ListeningBrowserTest {

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
    void anAnalystWritesAChecksAndPublishesASurveyThenSetsTheContactPolicy() {
        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/surveys"));
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Na uw wandelreis").contains("Na uw telefoongesprek")
                .contains("Na het online boeken");
        Browser.screenshot(driver, "listening-surveys");

        driver.findElement(By.id("new-survey")).click();
        type("titleNl", "Na de huttentocht");
        type("titleEn", "After the hut trek");
        type("closingNl", "Dank u. We lezen elk antwoord en laten binnen een maand weten wat we ermee doen.");
        type("closingEn", "Thank you. We read every answer and will tell you within a month what we do with it.");
        new Select(driver.findElement(By.id("q0-type"))).selectByValue("CSAT");
        type("q0-nl", "Bent u het met ons eens dat de reis goed geregeld was?");
        type("q0-en", "How satisfied are you with how the trip was arranged?");
        driver.findElement(By.id("add-question")).click();
        new Select(driver.findElement(By.id("q1-type"))).selectByValue("CSAT");
        type("q1-nl", "Hoe tevreden bent u over de snelheid en vriendelijkheid van de gids?");
        type("q1-en", "How satisfied are you with the guide?");
        driver.findElement(By.id("save")).click();

        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).contains("2 opmerking");
        WebElement leading = driver.findElement(By.cssSelector("#question-0 .finding-LEADING"));
        assertThat(leading.getText()).contains("Sturend").contains("stuurt naar een antwoord");
        WebElement doubled = driver.findElement(By.cssSelector("#question-1 .finding-DOUBLE_BARRELLED"));
        assertThat(doubled.getText()).contains("Twee vragen in één").contains("snelheid en vriendelijkheid");
        scrollTo("question-0");
        Browser.screenshot(driver, "listening-editor-advice");

        String rewrite = leading.findElement(By.tagName("q")).getText();
        assertThat(rewrite).isEqualTo("In hoeverre bent u het eens of oneens met de stelling dat de reis goed geregeld was?");
        type("q0-nl", rewrite);
        type("q1-nl", "Hoe tevreden bent u over de vriendelijkheid van de gids?");
        driver.findElement(By.id("save")).click();
        assertThat(Browser.foundNow(driver, By.cssSelector(".finding"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".advice-ok"))).hasSize(2);
        scrollTo("question-0");
        Browser.screenshot(driver, "listening-editor-clean");

        // No touchpoint chosen: publishing asks first and says why.
        driver.findElement(By.id("publish")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Toch publiceren?");
        assertThat(driver.findElement(By.id("no-touchpoint")).getText()).contains("geen contactmoment gekozen");
        Browser.screenshot(driver, "listening-publish-confirm");
        driver.findElement(By.id("publish-anyway")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.info")).getText()).contains("gepubliceerd en verandert niet meer");
        assertThat(driver.findElement(By.id("q0-nl")).isEnabled()).isFalse();
        Browser.screenshot(driver, "listening-published");

        driver.findElement(By.id("revise")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("versie 2, concept");
        assertThat(driver.findElements(By.cssSelector("table.versions tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.id("q0-nl")).getDomProperty("value")).isEqualTo(rewrite);
        Browser.screenshot(driver, "listening-revised");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("version 2, draft");
        Browser.screenshot(driver, "listening-editor-en");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.findElement(By.id("preview-nl")).click();
        assertThat(driver.findElement(By.cssSelector(".phone h2")).getText()).isEqualTo("Na de huttentocht");
        assertThat(driver.findElement(By.cssSelector(".phone .closing")).getText()).contains("binnen een maand");
        assertThat(driver.findElements(By.cssSelector(".phone fieldset"))).hasSize(2);
        Browser.screenshot(driver, "listening-preview-phone");

        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url("/contact/policy"));
        type("recontactDays", "45");
        WebElement saturday = driver.findElement(By.cssSelector("input[name=quietDays][value=SATURDAY]"));
        if (!saturday.isSelected()) {
            saturday.click();
        }
        driver.findElement(By.id("save-policy")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("recontactDays")).getDomProperty("value")).isEqualTo("45");
        assertThat(driver.findElement(By.cssSelector("input[name=quietDays][value=SATURDAY]")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("input[name=quietDays][value=SUNDAY]")).isSelected()).isTrue();
        Browser.screenshot(driver, "contact-policy");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        Browser.screenshot(driver, "contact-policy-phone");
    }

    @Test
    void adviceAppearsWhileTypingInEitherLanguage() {
        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/surveys/new"));
        WebElement dutchRegion = driver.findElement(By.id("advice-0-nl"));
        assertThat(dutchRegion.getDomAttribute("aria-live")).isEqualTo("polite");

        // Only the Dutch text so far: its advice appears without saving.
        driver.findElement(By.id("q0-nl")).sendKeys("Bent u het met ons eens dat de reis goed geregeld was?");
        WebElement leading = waitFor(By.cssSelector("#advice-0-nl .finding-LEADING"));
        assertThat(leading.getText()).contains("Sturend (nl)")
                .contains("In hoeverre bent u het eens of oneens met de stelling dat de reis goed geregeld was?");
        assertThat(Browser.foundNow(driver, By.cssSelector("#advice-0-en .finding"))).isEmpty();

        driver.findElement(By.id("q0-en")).sendKeys("Don't you agree that our excellent guides are friendly?");
        WebElement english = waitFor(By.cssSelector("#advice-0-en .finding-LEADING"));
        assertThat(english.findElement(By.tagName("q")).getText())
                .isEqualTo("To what extent do you agree or disagree that our guides are friendly?");
        scrollTo("question-0");
        Browser.screenshot(driver, "listening-editor-typing");

        WebElement field = driver.findElement(By.id("q0-en"));
        field.clear();
        field.sendKeys("How satisfied are you with the guides?");
        assertThat(waitFor(By.cssSelector("#advice-0-en .advice-lang-ok")).getText()).isEqualTo("Geen opmerkingen over de Engelse tekst.");
        assertThat(Browser.foundNow(driver, By.cssSelector("#advice-0-en .finding"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#advice-0-nl .finding-LEADING"))).hasSize(1);
    }

    private WebElement waitFor(By selector) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(selector));
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
