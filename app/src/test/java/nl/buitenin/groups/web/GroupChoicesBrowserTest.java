package nl.buitenin.groups.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.Membership;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.testing.Browser;
import nl.buitenin.testing.VisibleText;

/**
 * The demo's walking members chose between "Stevig tempo" and "Genieten onderweg". A member with an open invitation (one
 * the reminders demo sent, as in docs/answers.md) answers and chooses a group after the questions on a desktop; on a 360 px
 * phone another reads their own page, sees the group they are in and changes it; the administrator's groups page lists
 * the groups and names a wrong rule next to its field, on a desktop and a phone. No ids, codes or keys on any page.
 * Screenshots: target/screenshots/groups-choice-*.png and groups-admin-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class GroupChoicesBrowserTest {

    private static final String NAMES = "(Stevig tempo|Brisk pace)";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AnswerLinks answerLinks;
    @Autowired
    PersonLinks personLinks;
    @Autowired
    JdbcGroups groups;
    @Autowired
    JdbcMemberships memberships;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    record Invitation(UUID response, PersonKey person, Instant expires) {
    }

    @Test
    void aMemberChoosesAGroupAfterTheQuestionsOnADesktop() {
        Invitation invitation = invitations().get(0);
        driver = Browser.start(1280, 1000);
        driver.get(url("/a/" + answerLinks.tokenFor(invitation.response(), invitation.expires())));
        WebElement choice = driver.findElement(By.cssSelector("fieldset.own-choice"));
        assertThat(choice.getText()).containsPattern("Bij welke groep wil(t u| je) horen\\?|Which group would you like to belong to\\?")
                .containsPattern(NAMES).containsPattern("Genieten onderweg|Enjoying the way");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).containsPattern("(Klantgroepen|Customer groups)");
        assertThat(VisibleText.problemsInText(page)).isEmpty();
        assertThat(VisibleText.codesInText(page)).isEmpty();
        WebElement purposeLink = driver.findElement(By.xpath("//fieldset[contains(@class,'own-choice')]/following-sibling::p//a"));
        assertThat(purposeLink.getDomAttribute("href")).contains("/mijn-gegevens/").endsWith("#purpose-customer-groups");

        answerEveryQuestion();
        // The group they are not in now (a member who answered since the split is in one of the two already).
        Group enjoying = memberships.of(invitation.person(), Instant.now()).contains(group("Genieten onderweg").id())
                ? group("Stevig tempo") : group("Genieten onderweg");
        Group other = enjoying.nameNl().equals("Stevig tempo") ? group("Genieten onderweg") : group("Stevig tempo");
        choice.findElement(By.xpath(".//input[@value='" + enjoying.id() + "']/..")).click();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", choice);
        Browser.screenshot(driver, "groups-choice-answer");
        driver.findElement(By.cssSelector("button[value=send]")).click();
        assertThat(Browser.foundNow(driver, By.id("answer-errors"))).isEmpty();

        assertThat(memberships.of(invitation.person(), Instant.now())).contains(enjoying.id()).doesNotContain(other.id());
        Membership chosen = memberships.of(invitation.person()).stream().filter(m -> m.group().equals(enjoying.id()) && m.to() == null)
                .findFirst().orElseThrow();
        assertThat(chosen.origin()).isEqualTo(Membership.Origin.CHOSEN);
    }

    @Test
    void aMemberChangesTheirGroupOnTheirOwnPageOnAPhone() {
        Invitation invitation = invitations().get(1);
        Group brisk = group("Stevig tempo");
        Group enjoying = group("Genieten onderweg");
        driver = Browser.phone(360, 740);
        driver.get(personLinks.linkFor(invitation.person()).toString().replaceFirst("^https?://[^/]+", url("")));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        WebElement section = driver.findElement(By.id("own-choices"));
        assertThat(section.getText()).matches("(Uw|Je) groepen");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).containsPattern("(Uw|Je) keuze is een persoonsgegeven\\. We gebruiken die alleen voor het doel Klantgroepen");
        assertThat(page).containsPattern("Bij welke groep wil(t u| je) horen\\?");
        GroupId before = memberships.of(invitation.person(), Instant.now()).stream()
                .filter(id -> id.equals(brisk.id()) || id.equals(enjoying.id())).findFirst().orElse(null);
        Group other = enjoying.id().equals(before) ? brisk : enjoying;
        driver.findElement(By.xpath("//form[contains(@class,'own-choice')]//input[@value='" + other.id() + "']/..")).click();
        driver.findElement(By.cssSelector("form.own-choice button[type=submit]")).click();

        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).containsPattern("(Uw|Je) keuze is opgeslagen");
        assertThat(driver.findElement(By.tagName("main")).getText()).containsPattern("(U|Je) hoort nu bij: .*" + other.nameNl());
        assertThat(memberships.of(invitation.person(), Instant.now())).contains(other.id());
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('own-choices').scrollIntoView()");
        Browser.screenshot(driver, "groups-choice-own-page-phone");
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(text)).isEmpty();
        assertThat(VisibleText.codesInText(text)).isEmpty();
    }

    @Test
    void theAdministratorManagesGroupsOnADesktopAndAPhone() {
        driver = Browser.start(1280, 1000);
        Browser.signInInDutch(driver, url(""), "beheerder", "buitenpad-demo");
        driver.get(url("/"));
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//details[.//a[@href='/admin/groups']]/summary")).click();
        driver.findElement(By.cssSelector("nav.main-nav details[open] a[href='/admin/groups']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Groepen beheren");
        String table = driver.findElement(By.id("groups-admin")).getText();
        assertThat(table).contains("Stevig tempo", "Genieten onderweg", "55 en ouder", "age_band in (55-64, 65+)", "tempo", "zelf gekozen",
                "volgens een regel", "actief");
        Browser.screenshot(driver, "groups-admin-desktop");
        String list = driver.findElement(By.tagName("main")).getText();
        assertThat(VisibleText.problemsInText(list)).isEmpty();

        driver.findElement(By.id("new-group")).click();
        driver.findElement(By.id("g-nameNl")).sendKeys("Veel wandelaars");
        driver.findElement(By.id("g-nameEn")).sendKeys("Many walkers");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("g-kind"))).selectByVisibleText("volgens een regel");
        driver.findElement(By.id("g-rule")).sendKeys("trips >= veel");
        driver.findElement(By.cssSelector("form button.primary")).click();
        assertThat(driver.findElement(By.id("e-rule")).getText()).isEqualTo("'trips' vergelijkt met < of > alleen met een getal, niet met 'veel'.");
        assertThat(driver.findElement(By.id("group-errors")).getText()).contains("Regel: 'trips' vergelijkt");
        Browser.screenshot(driver, "groups-admin-rule-error");
        driver.findElement(By.id("g-rule")).clear();
        driver.findElement(By.id("g-rule")).sendKeys("trips >= 5");
        driver.findElement(By.cssSelector("form button.primary")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("De groep is opgeslagen.");
        assertThat(driver.findElement(By.id("groups-admin")).getText()).contains("Veel wandelaars", "trips >= 5");

        driver.quit();
        driver = Browser.phone(360, 740);
        Browser.signInInDutch(driver, url(""), "beheerder", "buitenpad-demo");
        driver.get(url("/admin/groups"));
        assertThat(driver.findElement(By.id("groups-admin")).isDisplayed()).isTrue();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "groups-admin-phone");
    }

    /** The open invitations the reminders demo sent, each to another member. */
    private List<Invitation> invitations() {
        return jdbc.sql("select id, person_key, expires_at from listening_response where source_ref like 'demo-reminder:%' "
                + "and status = 'INVITED' order by source_ref").query((rs, row) -> new Invitation(rs.getObject(1, UUID.class),
                        new PersonKey(rs.getString(2)), rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    private Group group(String nameNl) {
        return groups.all().stream().filter(g -> g.nameNl().equals(nameNl)).findFirst().orElseThrow();
    }

    private void answerEveryQuestion() {
        for (WebElement scale : driver.findElements(By.cssSelector("fieldset.scale"))) {
            List<WebElement> options = scale.findElements(By.cssSelector("label.scale-option"));
            options.get(options.size() - 1).click();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
