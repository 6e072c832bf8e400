package nl.buitenin.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.imports.ImportFixtures;
import nl.buitenin.testing.Browser;

/**
 * An analyst in Chromium uploads a Qualtrics export, checks the proposed mapping against the preview, imports,
 * and reads the counts; a second file with a bad score is refused with its line and column.
 * Screenshots: target/screenshots/listening-import*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AnswerImportBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcSurveys surveys;

    @TempDir
    Path dir;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAnalystUploadsMapsAndImportsAQualtricsExport() throws IOException {
        Survey survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(new TouchpointId(UUID.randomUUID()))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        Path file = Files.writeString(dir.resolve("qualtrics.csv"), ImportFixtures.text("qualtrics-fabricated.csv"));

        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/surveys/" + survey.id()));
        driver.findElement(By.id("import-answers")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Antwoorden importeren");
        new Select(driver.findElement(By.id("format"))).selectByValue("qualtrics");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.id("upload")).click();

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kolommen koppelen");
        assertThat(new Select(driver.findElement(By.id("q-nps"))).getFirstSelectedOption().getDomProperty("value")).isEqualTo("Q1");
        assertThat(new Select(driver.findElement(By.id("time"))).getFirstSelectedOption().getDomProperty("value")).isEqualTo("RecordedDate");
        String preview = driver.findElement(By.id("import-preview")).getText();
        assertThat(preview).contains("2026-03-02 09:14:41").contains("Guide,Packed lunch, with soup").contains("More rest stops on day two.");
        Browser.screenshot(driver, "listening-import-mapping");

        driver.findElement(By.id("start-import")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("count-created")));
        assertThat(driver.findElement(By.id("count-rows")).getText()).isEqualTo("5");
        assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("4");
        assertThat(driver.findElement(By.id("count-skipped")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).contains("De import is klaar");
        Browser.screenshot(driver, "listening-import");

        // A file with a score of 12: nothing is taken, and the line and column are named.
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,at,nps\nb-1,2026-03-02 10:00:00,8\nb-2,2026-03-02 11:00:00,12\n");
        driver.findElement(By.linkText("Nog een bestand importeren")).click();
        new Select(driver.findElement(By.id("format"))).selectByValue("plain");
        driver.findElement(By.id("file")).sendKeys(bad.toString());
        driver.findElement(By.id("upload")).click();
        driver.findElement(By.id("start-import")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("niets geïmporteerd");
        assertThat(driver.findElement(By.id("import-errors")).getText()).contains("3").contains("nps").contains("12 ligt buiten 0–10");
        assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo("0");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.navigate().refresh();
        Browser.screenshot(driver, "listening-import-rejected-phone");
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
