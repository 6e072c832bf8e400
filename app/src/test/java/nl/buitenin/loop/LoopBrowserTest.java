package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.access.Users;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.testing.Browser;

/**
 * Chromium on the demo: an agent records a phone complaint, calls back and resolves it; the team lead sees
 * the SLA breaches and reassigns one; an analyst completes an improvement action and the public page shows
 * it; an analyst confirms and rejects automatic theme suggestions in place. Screenshots: target/screenshots/loop-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LoopBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseWork work;
    @Autowired
    Users users;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    ThemeTaxonomy taxonomy;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAgentCallsBackAndResolvesACase() {
        driver = Browser.start(1280, 1000);
        signIn("medewerker");
        driver.get(url("/cases/new"));
        new Select(driver.findElement(By.id("type"))).selectByValue("complaint");
        new Select(driver.findElement(By.id("channel"))).selectByValue("PHONE");
        driver.findElement(By.id("text")).sendKeys("Belde boos op: de gids liep de hele dag veel te hard.");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "loop-new-complaint");
        driver.findElement(By.cssSelector("form button.primary")).click();
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("nieuw");

        driver.get(url("/cases"));
        Browser.screenshot(driver, "loop-queue");
        driver.findElement(By.linkText("Belde boos op: de gids liep de hele dag veel te hard.")).click();
        driver.findElement(By.id("outcome-REACHED")).click();
        driver.findElement(By.id("callback-note")).sendKeys("Excuses gemaakt, uitgelegd dat er tempogroepen komen.");
        driver.findElement(By.cssSelector("#callback-form button")).click();
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("contact gehad");
        new Select(driver.findElement(By.id("theme"))).selectByVisibleText("tempo van de groep");
        driver.findElement(By.cssSelector("form.row button")).click();
        driver.findElement(By.id("resolution")).sendKeys("Tegoedbon van 25 euro aangeboden");
        driver.findElement(By.cssSelector("#resolve-form button")).click();
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("opgelost");
        assertThat(driver.findElement(By.id("history")).getText()).contains("teruggebeld").contains("opgelost");
        assertThat(driver.findElement(By.id("callbacks")).getText()).contains("bereikt");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "loop-case");
    }

    @Test
    void theTeamLeadSeesTheBreachesAndReassignsOne() {
        // A complaint past its SLA in the lead's team, whatever the demo's own cases and the other tests did to them.
        UUID agent = users.byUsername("medewerker").orElseThrow().id().value();
        work.open(new CaseWork.Opening(CaseSource.complaint("lead-test-" + UUID.randomUUID()), CaseType.COMPLAINT, null, null,
                Channel.PHONE, "Klantenservice", agent, "Wacht al weken op antwoord over de annulering."), "system",
                Instant.now().minus(30, ChronoUnit.DAYS));
        driver = Browser.start(1280, 1000);
        signIn("teamleider");
        driver.get(url("/team-lead/cases"));
        List<WebElement> breaches = driver.findElements(By.cssSelector("#breaches tbody tr form"));
        assertThat(breaches).isNotEmpty();
        assertThat(driver.findElement(By.id("ageing")).getText()).contains("dagen");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "loop-team-lead");
        WebElement first = breaches.get(0);
        new Select(first.findElement(By.tagName("select"))).selectByVisibleText("Mehmet de Vries");
        first.findElement(By.tagName("button")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).getText()).contains("toegewezen");
        assertThat(driver.findElement(By.cssSelector("#breaches tbody tr")).getText()).contains("Mehmet de Vries");
    }

    @Test
    void anAnalystCompletesAnActionAndThePublicPageShowsIt() {
        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/loop/actions"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-action='Nieuwe boekingsbevestiging met dagprogramma']"));
        row.findElement(By.cssSelector("button.complete")).click();
        assertThat(driver.findElement(By.cssSelector("tr[data-action='Nieuwe boekingsbevestiging met dagprogramma']")).getText())
                .contains("klaar");
        Browser.screenshot(driver, "loop-actions");
        driver.get(url("/loop/figures"));
        assertThat(driver.findElement(By.id("figures")).getText()).contains("Klantenservice").contains("n =");
        Browser.screenshot(driver, "loop-figures");
        driver.get(url("/loop/report"));
        Browser.screenshot(driver, "loop-report");

        driver.manage().deleteAllCookies();
        driver.get(url("/you-said-we-did"));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("U zei, wij deden");
        String page = driver.findElement(By.id("you-said-we-did")).getText();
        assertThat(page).contains("Nieuwe boekingsbevestiging met dagprogramma").contains("Groepen splitsen in tempo- en genietgroep");
        assertThat(page).doesNotContain("p_");
        Browser.screenshot(driver, "loop-public-nl");
        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You said, we did");
        assertThat(driver.findElement(By.id("you-said-we-did")).getText()).contains("Split groups into a brisk and a leisurely group");
        Browser.screenshot(driver, "loop-public-en");
    }

    @Test
    void anAnalystTagsACommentInPlace() {
        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/loop/comments"));
        assertThat(driver.getPageSource()).doesNotContain("??");
        // A mark on the page: still there after tagging, so the answer was swapped in place, not the page reloaded.
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.mark = 'before-tagging'");
        WebElement answer = driver.findElements(By.cssSelector("li.answer")).get(0);
        String id = answer.getAttribute("id");
        new Select(answer.findElement(By.cssSelector("form.tag select"))).selectByVisibleText("tempo van de groep");
        answer.findElement(By.cssSelector("form.tag button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id(id)).findElements(By.cssSelector("ul.tags li"))
                .stream().anyMatch(li -> li.getText().contains("tempo van de groep")));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-mark")).isEqualTo("before-tagging");
        assertThat(driver.findElement(By.id(id)).getText()).contains("door analist");
        Browser.screenshot(driver, "loop-comments");

        driver.get(url("/loop/comments"));
        WebElement tagged = driver.findElement(By.id(id));
        assertThat(tagged.getText()).as("stored").contains("tempo van de groep");
        tagged.findElements(By.cssSelector("ul.tags li")).stream().filter(li -> li.getText().contains("tempo van de groep")).findFirst()
                .orElseThrow().findElement(By.cssSelector("button.untag")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> !d.findElement(By.id(id)).findElement(By.cssSelector("ul.tags"))
                .getText().contains("tempo van de groep"));
    }

    @Test
    void anAnalystConfirmsAndRejectsSuggestedThemesInPlace() {
        driver = Browser.start(1280, 1000);
        signIn("analist");
        driver.get(url("/loop/comments"));
        List<WebElement> answers = driver.findElements(By.cssSelector("li.answer"));
        // The last answer on the page: the tagging test above works on the first.
        String id = answers.get(answers.size() - 1).getAttribute("id");
        TagSubject answer = TagSubject.answer(UUID.fromString(id.substring("answer-".length())));
        List<ThemeId> onIt = tagging.tagsOf(answer).stream().map(ThemeTag::theme).toList();
        List<ThemeDefinition> free = taxonomy.all().stream().filter(t -> !onIt.contains(t.id())).toList();
        ThemeDefinition right = free.get(0);
        ThemeDefinition wrong = free.get(1);
        tagging.suggest(answer, right.id(), "tekstanalyse", 0.87);
        tagging.suggest(answer, wrong.id(), "tekstanalyse", 0.42);

        driver.get(url("/loop/comments"));
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.mark = 'before-review'");
        assertThat(driver.findElement(By.id(id)).getText()).contains("automatisch, 87 % zeker", "automatisch, 42 % zeker")
                .doesNotContain("SUGGESTER");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id(id)));
        Browser.screenshot(driver, "loop-comments-suggested");
        tagOf(id, right.nameNl()).findElement(By.cssSelector("button.confirm")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> tagOf(id, right.nameNl()).getText().contains("automatisch, bevestigd door analist"));
        tagOf(id, wrong.nameNl()).findElement(By.cssSelector("button.reject")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id(id)).findElement(By.cssSelector("ul.tags")).getText().contains(wrong.nameNl()));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-mark")).as("swapped in place").isEqualTo("before-review");
        assertThat(tagging.tagsOf(answer)).filteredOn(t -> t.theme().equals(wrong.id())).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(ThemeTag.State.REJECTED));
    }

    private WebElement tagOf(String answerId, String theme) {
        return driver.findElement(By.id(answerId)).findElements(By.cssSelector("ul.tags li")).stream()
                .filter(li -> li.getText().contains(theme)).findFirst().orElseThrow();
    }

    @Test
    void theQueueWorksOnAPhone() {
        driver = Browser.start(390, 844);
        signIn("medewerker");
        driver.get(url("/cases"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dossiers");
        Browser.screenshot(driver, "loop-queue-phone");
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
        // Other browser tests share the demo and may have left this user's language on English.
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
