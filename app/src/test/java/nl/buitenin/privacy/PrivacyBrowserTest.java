package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * In Chromium on the demo organisation: the privacy officer edits the register and finds her own read
 * in the access log; a traveller opens their own page from a link on a phone, looks at and downloads
 * their data, and has themselves forgotten. Screenshots: target/screenshots/privacy-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PrivacyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Persons persons;
    @Autowired
    PersonLinks links;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void thePrivacyOfficerEditsTheRegisterAndSeesWhoReadWhat() {
        driver = Browser.start(1280, 1000);
        driver.get(url("/login"));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        driver.findElement(By.id("username")).sendKeys("fg");
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();

        driver.get(url("/privacy"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Verwerkingsregister");
        Browser.screenshot(driver, "privacy-register");
        driver.findElement(By.cssSelector("#purpose-feedback a[href='/privacy/purposes/feedback']")).click();
        WebElement retention = driver.findElement(By.id("p-retention"));
        retention.clear();
        retention.sendKeys("18");
        Browser.screenshot(driver, "privacy-purpose-edit");
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        assertThat(driver.findElement(By.id("purpose-feedback")).getText()).contains("18 maanden");

        driver.get(url("/privacy/persons?customerId=BP-0000001"));
        new Select(driver.findElement(By.id("r-purpose"))).selectByValue("complaint-handling");
        driver.findElement(By.cssSelector("#read-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector("dl.details")).getText()).contains("@");
        Browser.screenshot(driver, "privacy-person");

        driver.get(url("/privacy/persons/" + persons.keyFor("BP-0000001").value() + "/export"));
        assertReadableExport("BP-0000001");
        Browser.screenshot(driver, "privacy-officer-export");

        driver.get(url("/privacy/access-log?person=BP-0000001"));
        WebElement log = driver.findElement(By.tagName("table"));
        assertThat(log.getText()).contains("fg", "Klachtafhandeling", "Contactgegevens").doesNotContain("complaint-handling", "contact details");
        Browser.screenshot(driver, "privacy-access-log");
    }

    @Test
    void aPersonSeesDownloadsAndErasesTheirDataFromTheirOwnPage() throws Exception {
        PersonKey person = persons.keyFor("BP-0000002");
        assertThat(persons.exists(person)).isTrue();
        String link = links.linkFor(person).toString();
        assertThat(link).startsWith(url("/mijn-gegevens/"));

        driver = Browser.start(390, 844);
        driver.get(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("Mijn gegevens", "My data");
        assertThat(driver.findElement(By.cssSelector("dl.details")).getText()).contains("BP-0000002");
        Browser.screenshot(driver, "privacy-own-page-phone");

        driver.findElement(By.id("view-export")).click();
        assertReadableExport("BP-0000002");
        Browser.screenshot(driver, "privacy-own-export");

        driver.get(link);
        // The download is an attachment, which headless Chromium saves instead of showing: fetch what the button links to.
        String download = driver.findElement(By.id("download-json")).getDomProperty("href");
        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(json.body()).contains("\"person\":\"" + person.value() + "\"", "\"customerId\":\"BP-0000002\"");

        driver.findElement(By.id("forget-confirm")).click();
        driver.findElement(By.cssSelector("#forget-form button[type=submit]")).click();
        driver.switchTo().alert().accept();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("U bent vergeten", "You have been forgotten");
        Browser.screenshot(driver, "privacy-own-forgotten");
        assertThat(persons.exists(person)).isFalse();

        driver.get(link);
        assertThat(driver.findElement(By.cssSelector(".alert")).getText()).isIn("We bewaren niets (meer) over u.",
                "We hold nothing (any more) about you.");
    }

    /**
     * On a 360 px phone the person's own page and their export fit the screen: nothing scrolls sideways and every
     * consent button lies within the screen; the text they read holds no id or message key, in either language.
     */
    @Test
    void thePersonsOwnPagesFitA360PixelPhone() {
        PersonKey person = persons.keyFor("BP-0000003");
        String link = links.linkFor(person).toString();
        driver = Browser.phone(360, 740);
        for (String language : java.util.List.of("nl", "en")) {
            driver.get(link);
            driver.findElement(By.cssSelector("form.lang button[value=" + language + "]")).click();
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
            assertFitsTheScreen(js, "own page " + language);
            java.util.List<WebElement> buttons = driver.findElements(By.cssSelector("form[action*='/consents'] button"));
            assertThat(buttons).as("a button per purpose").isNotEmpty();
            for (WebElement button : buttons) {
                Number right = (Number) js.executeScript("return arguments[0].getBoundingClientRect().right", button);
                Number left = (Number) js.executeScript("return arguments[0].getBoundingClientRect().left", button);
                assertThat(left.doubleValue()).as("left edge of %s", button.getText()).isGreaterThanOrEqualTo(0);
                assertThat(right.doubleValue()).as("right edge of %s", button.getText()).isLessThanOrEqualTo(360);
            }
            assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("body")).getText())).isEmpty();
            Browser.screenshot(driver, "privacy-own-page-360-" + language);

            driver.findElement(By.id("view-export")).click();
            assertFitsTheScreen(js, "own export " + language);
            assertThat(VisibleText.problemsInText(driver.findElement(By.tagName("body")).getText())).isEmpty();
            Browser.screenshot(driver, "privacy-own-export-360-" + language);
        }
    }

    private static void assertFitsTheScreen(JavascriptExecutor js, String page) {
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) js.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("document width of the %s", page).isLessThanOrEqualTo(innerWidth.intValue());
    }

    /**
     * The export as sections a person can read: every module's heading in one language, labelled fields, dates in
     * words, and no record dumps, ids or codes in the visible text.
     */
    private void assertReadableExport(String customerId) {
        java.util.List<String> headings = driver.findElements(By.cssSelector(".export-section h3")).stream().map(WebElement::getText).toList();
        java.util.List<String> dutch = java.util.List.of("Contactgegevens", "Toestemmingen", "Contacten met ons", "Uw antwoorden op vragenlijsten",
                "Uw klachten en zaken", "Berichten aan u", "Wat we u vertelden over verbeteringen");
        java.util.List<String> english = java.util.List.of("Contact details", "Consents", "Your contacts with us", "Your answers to surveys",
                "Your complaints and cases", "Messages to you", "What we told you about improvements");
        assertThat(headings.containsAll(dutch) || headings.containsAll(english)).as("every heading in one language: %s", headings).isTrue();
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains(customerId)
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContain("GivenAnswer[", "Exported", "ExportTerm[", "ExportName[")
                .doesNotContainPattern("\\b(COMPLETED|INVITED|INVITATION|TOLD_BACK|NOT_REACHED|CONTACTED|PENDING)\\b")
                .containsPattern("\\d{1,2} [a-zA-Z]+ \\d{4}, \\d{2}:\\d{2}");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
