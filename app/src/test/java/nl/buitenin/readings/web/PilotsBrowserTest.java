package nl.buitenin.readings.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An analyst opens the demo's pilots through the menu, reads the finished pilot's result on the booking stage in plain
 * words, sees the running pilot's progress without its effect, and defines a new pilot, whose page says what it can
 * detect; on a desktop and on a 360 px phone. Screenshots go to target/screenshots/pilots-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PilotsBrowserTest {

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
        driver = Browser.start(1280, 900);
        walkThrough("desktop");
    }

    @Test
    void onAPhone() {
        driver = Browser.phone(360, 740);
        walkThrough("phone");
    }

    private void walkThrough(String screen) {
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/pilots']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/pilots']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Pilots");
        String list = main();
        assertThat(list).contains("Duidelijkere boekingspagina").contains("afgelopen")
                .contains("Terugbellen in plaats van wachten").contains("loopt");
        fits();
        Browser.screenshot(driver, "pilots-list-" + screen);

        driver.findElement(By.linkText("Duidelijkere boekingspagina")).click();
        String finished = main();
        assertThat(finished).contains("Resultaat").contains("Boeken · Boeken op de website").contains("Pilotgroep").contains("Controlegroep")
                .contains("95 %-interval van het verschil").contains("een eerdere periode").contains("niet waarom");
        assertThat(driver.findElement(By.id("effect")).getText()).containsPattern("In de pilotgroep was de score .* (hoger|lower|lager)");
        assertThat(VisibleText.problemsInText(finished)).isEmpty();
        assertThat(VisibleText.codesInText(finished)).isEmpty();
        fits();
        System.out.println("The demo's finished pilot: " + driver.findElement(By.id("result")).getText().replace('\n', ' '));
        scrollTo(driver.findElement(By.id("result")));
        Browser.screenshot(driver, "pilots-finished-" + screen);

        driver.get(url("/pilots"));
        driver.findElement(By.linkText("Terugbellen in plaats van wachten")).click();
        String running = main();
        assertThat(running).contains("Voortgang").contains("Tot nu toe").contains("pas na de laatste dag")
                .doesNotContain("Resultaat").doesNotContain("; p ");
        assertThat(Browser.foundNow(driver, By.id("result"))).isEmpty();
        assertThat(VisibleText.problemsInText(running)).isEmpty();
        fits();
        Browser.screenshot(driver, "pilots-running-" + screen);

        driver.get(url("/pilots"));
        driver.findElement(By.id("new-pilot")).click();
        driver.findElement(By.id("name")).sendKeys("Routekaart bij de boeking " + screen);
        driver.findElement(By.id("change")).sendKeys("Een routekaart als pdf bij de bevestiging van de boeking.");
        WebElement website = driver.findElement(By.cssSelector("#touchpoints input[data-name='Boeken op de website']"));
        scrollTo(website);
        website.click();
        driver.findElement(By.cssSelector("#measure option[value='ces']")).click();
        fits();
        Browser.screenshot(driver, "pilots-form-" + screen);
        WebElement save = driver.findElement(By.id("save"));
        scrollTo(save);
        save.click();
        String planned = main();
        assertThat(planned).contains("Routekaart bij de boeking").contains("gepland").contains("Opgeslagen.");
        assertThat(driver.findElement(By.id("mde")).getText())
                .containsPattern("Met ongeveer \\d{1,3}(\\.\\d{3})* antwoorden per groep kunt u een verschil vanaf \\d+,\\d punt op de schaal van 1 tot 7 aantonen");
        assertThat(VisibleText.problemsInText(planned)).isEmpty();
        fits();
        Browser.screenshot(driver, "pilots-planned-" + screen);
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private void fits() {
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits the screen; wide tables scroll in their own box").isLessThanOrEqualTo(0L);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
