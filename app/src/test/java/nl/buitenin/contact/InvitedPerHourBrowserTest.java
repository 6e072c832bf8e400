package nl.buitenin.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * An analyst reads on the contact policy page, per hour of the day, the share of contacts that got invited (the contacts
 * of {@link InvitedPerHourFixture}), in Dutch and in English, in a real Chromium: the figure with its interval, the hidden
 * small hour in words, no ids or codes. Screenshots contact-invited-per-hour-nl.png and -en.png (docs/listening.md).
 * Runs on H2 and PostgreSQL (tag database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("database")
class InvitedPerHourBrowserTest {

    @TestConfiguration
    static class NoonAfterTheContacts {
        @Bean
        @Primary
        Clock noonAfterTheContacts() {
            return InvitedPerHourFixture.clock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Outreach outreach;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcUsers users;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAnalystReadsTheShareInvitedPerHourInDutchAndEnglish() {
        InvitedPerHourFixture.load(outreach, policy, persons, consents);
        String username = "uren-" + Unique.name("a").replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        users.create(new NewUser(username, "Analist uren", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));

        driver = Browser.start(1280, 1600);
        Browser.signInInDutch(driver, "http://localhost:" + port, username, "a long enough password");
        driver.get("http://localhost:" + port + "/contact/policy");
        WebElement table = driver.findElement(By.id("invited-per-hour"));
        assertThat(row(table, 10)).isEqualTo("10:00–11:00 8 6 75% (41 tot 93%)");
        assertThat(row(table, 21)).isEqualTo("21:00–22:00 6 3 50% (19 tot 81%)");
        assertThat(row(table, 15)).isEqualTo("15:00–16:00 minder dan 5 personen: niet getoond");
        // The decisions below list person keys marked as ids to copy; the figure itself has none, nor codes or keys.
        assertThat(VisibleText.codesInText(table.getText())).isEmpty();
        assertThat(VisibleText.problemsInText(table.getText())).isEmpty();
        show(driver.findElement(By.id("invited-per-hour-title")));
        Browser.screenshot(driver, "contact-invited-per-hour-nl");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        table = driver.findElement(By.id("invited-per-hour"));
        assertThat(driver.findElement(By.id("invited-per-hour-title")).getText()).isEqualTo("Invited per hour of the day");
        assertThat(row(table, 10)).isEqualTo("10:00–11:00 8 6 75% (41 to 93%)");
        assertThat(row(table, 15)).isEqualTo("15:00–16:00 fewer than 5 people: not shown");
        // The decisions below list person keys marked as ids to copy; the figure itself has none, nor codes or keys.
        assertThat(VisibleText.codesInText(table.getText())).isEmpty();
        assertThat(VisibleText.problemsInText(table.getText())).isEmpty();
        show(driver.findElement(By.id("invited-per-hour-title")));
        Browser.screenshot(driver, "contact-invited-per-hour-en");
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private static String row(WebElement table, int hour) {
        return table.findElement(By.cssSelector("tr[data-hour='" + hour + "']")).getText().replaceAll("\\s+", " ").trim();
    }

    private void show(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
    }
}
