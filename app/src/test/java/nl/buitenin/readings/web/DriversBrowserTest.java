package nl.buitenin.readings.web;

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
 * An analyst opens "Wat weegt het zwaarst?" through the menu, on a desktop and on a 360 px phone: the demo's trip
 * evaluation is chosen, the accommodation comes out on top and in "Eerst verbeteren", the priority matrix has a
 * numbered point with whiskers per question, the table has the same figures, and the page says that this is
 * association, not cause; then in English. No ids, codes or keys. Screenshots: target/screenshots/drivers-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DriversBrowserTest {

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
    void anAnalystReadsWhatMattersMostOnADesktop() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/readings/drivers']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/readings/drivers']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wat weegt het zwaarst?");
        assertThat(driver.findElement(By.cssSelector("select#survey option:checked")).getText()).isEqualTo("Uw wandelreis beoordeeld");
        List<WebElement> rows = driver.findElements(By.cssSelector("#drivers-table tbody tr"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).getText()).contains("Hoe tevreden bent u over de accommodaties?").contains("Eerst verbeteren");
        assertThat(driver.findElements(By.cssSelector("figure.priority-matrix svg g.driver-point"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector("figure.priority-matrix svg g.driver-point line"))).hasSize(10);
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Prioriteitenmatrix").contains("Eerst verbeteren").contains("geen bewijs van oorzaak")
                .contains("steekproeven");
        assertThat(VisibleText.problemsInText(main)).isEmpty();
        assertThat(VisibleText.codesInText(main)).isEmpty();
        Browser.screenshot(driver, "drivers-desktop");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);",
                driver.findElement(By.cssSelector("figure.priority-matrix")));
        Browser.screenshot(driver, "drivers-desktop-matrix");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What matters most");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(english).contains("How satisfied are you with the accommodation?").contains("Fix first").contains("not proof of cause");
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        Browser.screenshot(driver, "drivers-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    @Test
    void theMatrixAndTableFitAPhone() {
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "analist", "buitenpad-demo");
        driver.get(url("/readings/drivers"));
        assertThat(driver.findElements(By.cssSelector("figure.priority-matrix svg g.driver-point"))).hasSize(5);
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("the page fits the phone; the table scrolls in its own box").isLessThanOrEqualTo(0L);
        Long svgWidth = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.round(document.querySelector('figure.priority-matrix svg').getBoundingClientRect().width);");
        assertThat(svgWidth).as("the matrix shrinks to the phone").isLessThanOrEqualTo(360L).isGreaterThan(250L);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);",
                driver.findElement(By.cssSelector("figure.priority-matrix")));
        Browser.screenshot(driver, "drivers-phone");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
