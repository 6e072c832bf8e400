package nl.buitenin.offers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.offers.internal.InterestBook;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * A traveller who booked Cuba and searched Peru this week reads on their own page, on a 360 px phone, what their offers
 * are about and when each fades, removes one and then stops offers altogether; the administrator reads the demo's offer
 * decisions with their reasons in words and the interest settings. No ids, codes or keys on any page.
 * Screenshots: target/screenshots/offers-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OffersBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    PersonLinks personLinks;
    @Autowired
    InterestBook interests;
    @Autowired
    Journeys journeys;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aTravellerRemovesAnInterestAndStopsOffersOnTheirOwnPageOnAPhone() {
        PersonKey person = persons.register("reiziger-" + (10_000_000 + new java.util.Random().nextInt(89_999_999)), new ContactDetails("Iris Bakker", "iris@voorbeeld.nl", null));
        consents.give(person, PurposeId.OFFERS, "test");
        TouchpointId touchpoint = journeys.all().get(0).touchpoints().get(0).id();
        Instant now = Instant.now();
        interests.record(List.of(
                new InteractionsRecorded.Interaction(touchpoint, person, now.minus(Duration.ofDays(2)), "browser-" + UUID.randomUUID(),
                        InteractionKind.PURCHASE, null, null, null, null, "Cuba"),
                new InteractionsRecorded.Interaction(touchpoint, person, now.minus(Duration.ofHours(3)), "browser-" + UUID.randomUUID(),
                        InteractionKind.SEARCH, null, null, null, null, "Peru"),
                new InteractionsRecorded.Interaction(touchpoint, person, now.minus(Duration.ofHours(2)), "browser-" + UUID.randomUUID(),
                        InteractionKind.SEARCH, null, null, null, null, "Peru")));

        driver = Browser.phone(360, 740);
        driver.get(personLinks.linkFor(person).toString().replaceFirst("^https?://[^/]+", url("")));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        assertThat(driver.findElement(By.id("own-interests")).getText()).matches("Waar (uw|je) aanbiedingen over gaan");
        String list = driver.findElement(By.cssSelector("ul.own-interests")).getText();
        assertThat(list).containsPattern("Cuba — vervaagt rond \\d+ \\w+ \\d{4}").containsPattern("Peru — vervaagt rond");
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('own-interests').scrollIntoView()");
        Browser.screenshot(driver, "offers-own-page-phone");
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(text)).isEmpty();
        assertThat(VisibleText.codesInText(text)).isEmpty();

        driver.findElement(By.cssSelector("button[aria-label$=': Cuba']")).click();
        assertThat(driver.findElement(By.cssSelector("ul.own-interests")).getText()).doesNotContain("Cuba").contains("Peru");
        assertThat(interests.standing(person, "Cuba", Instant.now()).closed()).isTrue();

        driver.findElement(By.id("stop-offers")).click();
        assertThat(Browser.foundNow(driver, By.cssSelector("ul.own-interests"))).isEmpty();
        assertThat(consents.isGiven(person, PurposeId.OFFERS)).isFalse();
        assertThat(interests.of(person, Instant.now())).isEmpty();
    }

    @Test
    void theAdministratorReadsOfferDecisionsInWordsAndTheInterestSettings() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "beheerder", "buitenpad-demo");
        driver.get(url("/contact/aanbiedingen"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Aanbiedingen en contactbudget");
        String decisions = driver.findElement(By.id("offer-decisions")).getText();
        assertThat(decisions).contains("Cuba", "toegestaan", "geen toestemming voor aanbiedingen", "geen belangstelling die nu telt");
        assertThat(driver.findElement(By.id("budget-use")).getText()).contains("aanbieding", "hoogstens 1 per week, 2 per maand, 4 per kwartaal");
        Browser.screenshot(driver, "offers-decisions-desktop");
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(text)).isEmpty();
        assertThat(VisibleText.codesInText(text)).isEmpty();

        driver.get(url("/aanbiedingen/interesses"));
        assertThat(driver.findElement(By.id("interest-kinds")).getText()).contains("Aankoop", "Zoekopdracht", "Klik op aanbieding");
        assertThat(driver.findElement(By.name("halfLifeDays.purchase")).getDomProperty("value")).isEqualTo("14");
        driver.findElement(By.id("threshold")).clear();
        driver.findElement(By.id("threshold")).sendKeys("nul");
        driver.findElement(By.cssSelector("form button.primary")).click();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("'nul' is geen getal");
        Browser.screenshot(driver, "offers-interests-desktop");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
