package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.testing.Browser;

/**
 * A person in Chromium: signs in to the demo, opens every page of the menu in Dutch, switches to
 * English and opens them again, on a desktop and on a phone-sized screen. Screenshots of each page
 * are saved under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ShellBrowserTest {

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
    void anAdministratorVisitsEveryPageInBothLanguages() {
        driver = Browser.start(1280, 900);
        signIn("beheerder");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Buitenpad Wandelreizen");
        Browser.screenshot(driver, "shell-home-nl");

        List<String> pages = menuLinks();
        assertThat(pages).contains(url("/admin/users"), url("/admin/organisation"), url("/admin/api-keys"));
        visitAll(pages, "nl");

        driver.get(url("/"));
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Welcome");
        Browser.screenshot(driver, "shell-home-en");
        visitAll(pages, "en");
    }

    @Test
    void anAgentSeesNoAdministrationOnAPhone() {
        driver = Browser.start(390, 844);
        signIn("medewerker");
        assertThat(Browser.foundNow(driver, By.cssSelector("nav.main-nav a[href='/admin/users']"))).isEmpty();
        Browser.screenshot(driver, "shell-home-phone");
        driver.get(url("/admin/users"));
        assertThat(driver.getPageSource()).doesNotContain("Bea Beheer");
    }

    /**
     * The menu is grouped (Luisteren, Verbeteren, Plannen, Privacy, Beheer), one group open at a time, and never wider
     * than the window: not at 1 280 px for the administrator, who sees most, nor on a 360 px phone.
     */
    @Test
    void theGroupedMenuFitsTheWindowOnDesktopAndPhone() {
        for (int width : new int[] {1280, 360}) {
            driver = Browser.start(width, 800);
            signIn("beheerder");
            driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
            List<WebElement> groups = driver.findElements(By.cssSelector("nav.main-nav details.menu-group > summary"));
            assertThat(groups).extracting(WebElement::getText).contains("Luisteren", "Verbeteren", "Beheer");
            assertThat(pageWidth()).as("page width at %d px", width).isLessThanOrEqualTo(windowWidth());
            groups.get(1).click();
            WebElement open = driver.findElement(By.cssSelector("nav.main-nav details[open]"));
            assertThat(open.findElement(By.tagName("summary")).getText()).isEqualTo("Verbeteren");
            assertThat(open.findElement(By.cssSelector("a[href='/loop/themes']")).isDisplayed()).isTrue();
            assertThat(pageWidth()).as("page width with a group open at %d px", width).isLessThanOrEqualTo(windowWidth());
            Browser.screenshot(driver, "shell-menu-" + width);
            groups.get(0).click();
            assertThat(driver.findElements(By.cssSelector("nav.main-nav details[open]"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector("nav.main-nav details[open] > summary")).getText()).isEqualTo("Luisteren");
            driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/insight/journey-map']")).click();
            assertThat(driver.findElement(By.cssSelector("nav.main-nav summary.current")).getText()).isEqualTo("Luisteren");
            driver.quit();
            driver = null;
        }
    }

    /** "Teamleider" is in the menu of the agent who leads a team, not of every agent (the page would say they lead none). */
    @Test
    void onlyATeamLeadSeesTheTeamLeadPageInTheMenu() {
        driver = Browser.start(1280, 900);
        signIn("medewerker");
        assertThat(driver.findElements(By.cssSelector("nav.main-nav a[href='/cases']"))).isNotEmpty();
        assertThat(Browser.foundNow(driver, By.cssSelector("nav.main-nav a[href='/team-lead/cases']"))).isEmpty();
        driver.quit();
        driver = Browser.start(1280, 900);
        signIn("teamleider");
        assertThat(driver.findElements(By.cssSelector("nav.main-nav a[href='/team-lead/cases']"))).isNotEmpty();
    }

    private long pageWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    private long windowWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
    }

    @Test
    void aWrongPasswordIsToldWithoutSayingWhichPartWasWrong() {
        driver = Browser.start(1280, 900);
        driver.get(url("/login"));
        // The icon every browser asks for is there (it was a 404 on every page), also before signing in.
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var x = new XMLHttpRequest(); x.open('GET', '/favicon.ico', false); x.send();"
                        + " return x.status + ' ' + x.getResponseHeader('Content-Type');")).asString().startsWith("200 image/");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        driver.findElement(By.id("username")).sendKeys("beheerder");
        driver.findElement(By.id("password")).sendKeys("not the password");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("gebruikersnaam of wachtwoord");
        Browser.screenshot(driver, "shell-login-error");
    }

    private void visitAll(List<String> pages, String language) {
        for (String page : pages) {
            driver.get(page);
            WebElement heading = driver.findElement(By.tagName("h1"));
            assertThat(heading.getText()).as("heading of %s", page).isNotBlank();
            assertThat(driver.getTitle()).as("title of %s", page).doesNotContain("??");
            assertThat(driver.getPageSource()).as("untranslated text on %s", page).doesNotContain("??");
            Browser.screenshot(driver, "page" + page.substring(url("").length()).replace('/', '-') + "-" + language);
        }
    }

    private List<String> menuLinks() {
        List<String> links = new ArrayList<>();
        for (WebElement link : driver.findElements(By.cssSelector("nav.main-nav a"))) {
            links.add(link.getDomProperty("href"));
        }
        return links;
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
