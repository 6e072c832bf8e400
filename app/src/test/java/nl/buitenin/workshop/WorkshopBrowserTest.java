package nl.buitenin.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * Two browsers in one workshop on the demo: the analyst opens it on a laptop and shows the code; a colleague of
 * Klantenservice joins on a 360 px phone, and each sees the other's note appear on the board within a few seconds without
 * reloading (htmx polls the board). The phone's page fits the screen. Then the demo's closed workshop's result is read.
 * Screenshots go to target/screenshots/workshop-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkshopBrowserTest {

    static final Duration FEW_SECONDS = Duration.ofSeconds(8);

    @LocalServerPort
    int port;

    WebDriver laptop;
    WebDriver phone;

    @AfterEach
    void quit() {
        if (laptop != null) {
            laptop.quit();
        }
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void aLaptopAndAPhoneSeeEachOthersNotesWithoutReloading() {
        laptop = Browser.start(1400, 900);
        Browser.signInInDutch(laptop, url(""), "analist", "buitenpad-demo");
        laptop.get(url("/"));
        laptop.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/workshops']]/summary")).click();
        laptop.findElement(By.cssSelector("nav.main-nav details[open] a[href='/workshops']")).click();
        assertThat(laptop.findElement(By.tagName("h1")).getText()).isEqualTo("Workshops");
        String title = Unique.name("Workshop boeken");
        new Select(laptop.findElement(By.id("journey"))).selectByVisibleText("Wandelreis boeken en beleven");
        laptop.findElement(By.id("title")).sendKeys(title);
        laptop.findElement(By.id("departments")).sendKeys("Verkoop\nReisbegeleiding\nKlantenservice");
        laptop.findElement(By.cssSelector("#new-workshop button[type=submit]")).click();
        assertThat(laptop.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        String code = laptop.findElement(By.id("join-code")).getText().replace(" ", "");
        assertThat(code).matches("[A-HJKMNP-Z2-9]{6}");

        phone = Browser.phone(360, 740);
        Browser.signInInDutch(phone, url(""), "medewerker", "buitenpad-demo");
        phone.get(url("/workshops/join"));
        phone.findElement(By.id("code")).sendKeys(code.toLowerCase());
        Browser.screenshot(phone, "workshop-join-phone");
        phone.findElement(By.cssSelector("#join-form button[type=submit]")).click();
        phone.findElement(By.xpath("//label[span='Klantenservice']/input")).click();
        phone.findElement(By.cssSelector("#department-form button[type=submit]")).click();
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo(title);

        // Neither page reloads from here on: a mark set in each window must still be there when the other's note shows.
        mark(laptop);
        mark(phone);

        addNote(phone, "Aanname", "Boeken per telefoon", "Bellen om te boeken scoort een 8 of hoger");
        mark(phone);
        new WebDriverWait(laptop, FEW_SECONDS).until(ExpectedConditions.textToBePresentInElementLocated(By.id("board"),
                "Bellen om te boeken scoort een 8 of hoger"));
        assertThat(marked(laptop)).as("the laptop's board changed without a reload").isTrue();
        assertThat(laptop.findElement(By.id("board")).getText()).contains("Klantenservice", "Mehmet de Vries", "Boeken per telefoon");

        laptop.findElement(By.cssSelector("details.add-note summary")).click();
        addNote(laptop, "Pijnpunt", "Bevestigingsmail", "De bevestigingsmail <komt> laat");
        new WebDriverWait(phone, FEW_SECONDS).until(ExpectedConditions.textToBePresentInElementLocated(By.id("board"),
                "De bevestigingsmail <komt> laat"));
        assertThat(marked(phone)).as("the phone's board changed without a reload").isTrue();

        Long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the board fits the phone").isLessThanOrEqualTo(0L);
        String phoneText = phone.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(phoneText)).isEmpty();
        ((JavascriptExecutor) phone).executeScript("document.getElementById('board').scrollIntoView();");
        Browser.screenshot(phone, "workshop-board-phone");
        ((JavascriptExecutor) laptop).executeScript("window.scrollTo(0, 0);");
        Browser.screenshot(laptop, "workshop-board-laptop");
        assertThat(VisibleText.problemsInText(laptop.findElement(By.tagName("main")).getText())).isEmpty();

        // The facilitator closes the workshop: the phone's board says so by itself.
        ((JavascriptExecutor) laptop).executeScript("window.confirm = () => true;");
        laptop.findElement(By.cssSelector("#close-workshop button")).click();
        new WebDriverWait(phone, FEW_SECONDS).until(ExpectedConditions.textToBePresentInElementLocated(By.id("board"),
                "De workshop is gesloten"));
    }

    @Test
    void theDemosWorkshopResultIsPrintableInBothLanguages() {
        laptop = Browser.start(1280, 900);
        Browser.signInInDutch(laptop, url(""), "analist", "buitenpad-demo");
        laptop.get(url("/workshops"));
        laptop.findElement(By.linkText("Klantreis-workshop: boeken en beleven")).click();
        laptop.findElement(By.id("result-link")).click();
        String result = laptop.findElement(By.tagName("main")).getText();
        assertThat(result).contains("Aanwezige afdelingen", "Verkoop, Reisbegeleiding, Klantenservice", "Boeken zonder drempels",
                "Bellen om te boeken scoort een 8 of hoger", "De meeste klachten over de reis gaan over de accommodatie",
                "Namen van schrijvers zijn niet bewaard.", "stippen");
        assertThat(result).doesNotContain("Mehmet de Vries");
        assertThat(VisibleText.problemsInText(result)).isEmpty();
        Browser.screenshot(laptop, "workshop-result");
        laptop.findElement(By.cssSelector("form.lang button[value=en]")).click();
        String english = laptop.findElement(By.tagName("main")).getText();
        assertThat(english).contains("Departments present", "By stage and touchpoint", "Booking by phone", "Assumption", "Moment that matters");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        laptop.findElement(By.cssSelector("form.lang button[value=nl]")).click();

        // The same workshop through the API, kept next to the screenshots for the docs.
        String id = laptop.getCurrentUrl().replaceAll(".*/workshops/([0-9a-f-]{36})/result.*", "$1");
        laptop.get(url("/api/v1/workshops/" + id));
        String json = laptop.findElement(By.tagName("body")).getText();
        assertThat(json).contains("\"anonymous\":true", "\"author\":null", "\"kind\":\"assumption\"");
        write("workshop-api.json", json);
    }

    private static void write(String name, String text) {
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
            java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addNote(WebDriver driver, String kind, String place, String text) {
        driver.findElement(By.xpath("//form[@id='note-form']//label[span='" + kind + "']/input")).click();
        new Select(driver.findElement(By.id("place"))).selectByVisibleText(place);
        WebElement field = driver.findElement(By.id("text"));
        field.sendKeys(text);
        WebElement submit = driver.findElement(By.cssSelector("#note-form button[type=submit]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", submit);
        submit.click();
    }

    private static void mark(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("window.workshopMark = true;");
    }

    private static boolean marked(WebDriver driver) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.workshopMark === true;"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
