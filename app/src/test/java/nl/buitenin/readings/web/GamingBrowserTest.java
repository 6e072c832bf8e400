package nl.buitenin.readings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.readings.GamingFixture;
import nl.buitenin.readings.StaffPurpose;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * The score-steering page in Chromium, for an analyst who also leads the gamers' team: the explanation, the flagged
 * teams and locations, and the flagged members of their own team by pseudonym; in Dutch on a desktop and in English on
 * a 360 px phone, no wider than the screen, without ids, codes or keys. Screenshots: target/screenshots/readings-gaming-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GamingBrowserTest {

    static final String PASSWORD = "a long enough password";
    static final String MAY = "?from=2026-05-01&to=2026-05-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcUsers users;
    @Autowired
    Teams teams;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    InteractionIngest interactions;
    @Autowired
    JdbcClient jdbc;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aLeadingAnalystReadsTheSignalsInDutchOnADesktopAndInEnglishOnAPhone() {
        StaffPurpose.register(jdbc);
        GamingFixture.Staffed staffed = new GamingFixture(journeys, surveys, completions, interactions, jdbc)
                .organisation(java.time.LocalDate.of(2026, 5, 1), 500, 20261204L);
        users.create(new NewUser("lotte", "Lotte Leider", PASSWORD, Set.of(Role.ANALYST, Role.AGENT), staffed.gamersTeam(), "nl", false));
        teams.save(new Teams.Team(staffed.gamersTeam(), users.storedByUsername("lotte").orElseThrow().id().value()));

        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "lotte", PASSWORD);
        driver.get(url("/readings/gaming" + MAY));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Signalen van scoresturing");
        assertThat(driver.findElement(By.id("teams")).getText()).contains(staffed.gamersTeam(), "Meer tienen dan de rest van de scores verklaart")
                .doesNotContain(staffed.betterTeam());
        assertThat(driver.findElement(By.id("staff")).getText()).contains("Medewerker " + staffed.gamers().get(0))
                .doesNotContain(staffed.better().get(0));
        String dutch = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(dutch)).isEmpty();
        assertThat(VisibleText.codesInText(dutch)).isEmpty();
        Browser.screenshot(driver, "readings-gaming-nl");
        driver.quit();

        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "lotte", PASSWORD);
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        driver.get(url("/readings/gaming" + MAY));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Signs of score steering");
        assertThat(driver.findElement(By.id("staff")).getText()).contains("Staff member " + staffed.gamers().get(0));
        assertThat(driver.findElement(By.id("teams")).getText()).contains("Comments saying a score was asked for: 2.");
        String english = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(english)).isEmpty();
        assertThat(VisibleText.codesInText(english)).isEmpty();
        assertThat(scrollWidth()).isLessThanOrEqualTo(innerWidth());
        Browser.screenshot(driver, "readings-gaming-phone-en");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('teams').scrollIntoView()");
        Browser.screenshot(driver, "readings-gaming-phone-en-teams");
    }

    private long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    private long innerWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
