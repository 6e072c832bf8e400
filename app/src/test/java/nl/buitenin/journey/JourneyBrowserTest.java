package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.Browser;

/**
 * An analyst in Chromium maps a journey, imports interactions from a CSV with one bad row, and sees the
 * journey map with volumes and scores (recorded through ScoreHistograms) with n and 95 % intervals,
 * on a desktop and on a phone. Screenshots: target/screenshots/journey-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyBrowserTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    Organisations organisations;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAnalystMapsAJourneyImportsInteractionsAndReadsTheJourneyMap() throws IOException {
        driver = Browser.start(1280, 1000);
        users.create(new NewUser("anouk", "Anouk Analist", PASSWORD, Set.of(Role.ANALYST), null, "nl", false));
        signIn("anouk");

        driver.get(url("/journeys"));
        driver.findElement(By.id("journey-nl")).sendKeys("Wandelreis boeken");
        driver.findElement(By.id("journey-en")).sendKeys("Booking a walking holiday");
        driver.findElement(By.cssSelector("form[action='/journeys'] button[type=submit]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wandelreis boeken");

        addStage("Boeken", "Booking");
        addTouchpoint("Boeken", "Winkel", "Shop", "LOCATION", "Utrecht");
        addTouchpoint("Boeken", "Telefoon", "Phone", "PHONE", "");
        List<WebElement> ids = driver.findElements(By.cssSelector("td code"));
        assertThat(ids).hasSize(2);
        String shop = ids.get(0).getText();
        String phone = ids.get(1).getText();
        Browser.screenshot(driver, "journey-editor");

        Path csv = interactionsCsv(shop, phone);
        driver.get(url("/interactions/import"));
        driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[action='/interactions/import'] button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector("#import-report .alert.ok")).getText())
                .isEqualTo("13 regels gelezen: 12 nieuw, 0 al bekend, 1 afgewezen.");
        List<WebElement> rejected = driver.findElements(By.cssSelector("table.rejected tbody tr"));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).getText()).startsWith("7 at").contains("is geen tijdstip met tijdverschil");
        Browser.screenshot(driver, "journey-import");

        LocalDate today = LocalDate.now(organisations.current().timeZone());
        for (int i = 0; i < 45; i++) {
            histograms.record(TouchpointId.of(shop), today.minusDays(i % 20), "nps", ScoreScale.NPS, i % 3 == 0 ? 6 : i % 3 == 1 ? 9 : 10);
        }
        for (int value : new int[] {5, 4, 2, 5, 4, 3, 5, 1}) {
            histograms.record(TouchpointId.of(phone), today.minusDays(3), "csat", ScoreScale.CSAT, value);
        }

        driver.get(url("/insight/journey-map"));
        WebElement shopRow = driver.findElement(By.cssSelector(".card[data-touchpoint='" + shop + "']"));
        assertThat(shopRow.findElement(By.cssSelector(".volume")).getText()).isEqualTo("8");
        assertThat(shopRow.findElement(By.cssSelector(".n")).getText()).isEqualTo("n = 45");
        // 30 promoters and 15 detractors of 45: NPS 33,3 (Dutch decimal comma), with its interval.
        assertThat(shopRow.findElement(By.cssSelector(".estimate")).getText()).startsWith("33,3 (95%: ");
        assertThat(Browser.foundNow(driver, shopRow, By.cssSelector(".small-n"))).isEmpty();
        WebElement phoneRow = driver.findElement(By.cssSelector(".card[data-touchpoint='" + phone + "']"));
        assertThat(phoneRow.findElement(By.cssSelector(".volume")).getText()).isEqualTo("4");
        assertThat(phoneRow.findElement(By.cssSelector(".n")).getText()).isEqualTo("n = 8");
        assertThat(phoneRow.findElement(By.cssSelector(".small-n")).isDisplayed()).isTrue();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector(".card[data-touchpoint='" + shop + "'] svg.spark")).isEmpty());
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "journey-map-nl");

        driver.findElement(By.cssSelector("form.lang button[value=en]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Journey map");
        assertThat(driver.findElement(By.cssSelector(".card[data-touchpoint='" + shop + "'] .estimate")).getText()).startsWith("33.3 (95%: ");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Browser.screenshot(driver, "journey-map-phone");
    }

    /**
     * The analyst renames a touchpoint, archives and restores it, and tries to delete it while interactions
     * are recorded at it: the refusal names them. An unused touchpoint is deleted. Screenshot: journey-edit-refused.png.
     */
    @Test
    void anAnalystRenamesArchivesAndIsToldWhyATouchpointInUseCannotBeDeleted() throws IOException {
        driver = Browser.start(1280, 1000);
        users.create(new NewUser("arend", "Arend Analist", PASSWORD, Set.of(Role.ANALYST), null, "nl", false));
        signIn("arend");

        driver.get(url("/journeys"));
        driver.findElement(By.id("journey-nl")).sendKeys("Klacht melden");
        driver.findElement(By.id("journey-en")).sendKeys("Reporting a complaint");
        driver.findElement(By.cssSelector("form[action='/journeys'] button[type=submit]")).click();
        addStage("Melden", "Reporting");
        addTouchpoint("Melden", "Winkel", "Shop", "LOCATION", "Utrecht");
        addTouchpoint("Melden", "Brief", "Letter", "EMAIL", "");
        List<WebElement> ids = driver.findElements(By.cssSelector("td code"));
        String shop = ids.get(0).getText();
        String letter = ids.get(1).getText();
        Path csv = Files.writeString(Files.createTempFile("interactions", ".csv"), "sourceId,touchpoint,at,person,kind\n"
                + "complaint-1," + shop + "," + Instant.now().minus(1, ChronoUnit.DAYS) + ",,contact\n"
                + "complaint-2," + shop + "," + Instant.now().minus(2, ChronoUnit.DAYS) + ",,contact\n");
        driver.get(url("/interactions/import"));
        driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[action='/interactions/import'] button[type=submit]")).click();

        // Rename: a duplicate name is refused naming the field, a new one is taken.
        driver.get(url("/touchpoints/" + shop + "/edit"));
        WebElement nl = driver.findElement(By.id("edit-nl"));
        nl.clear();
        nl.sendKeys("brief");
        driver.findElement(By.id("edit-location")).clear();
        driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("nameNl")
                .contains("een ander contactmoment in deze fase heet al 'Brief'");
        nl = driver.findElement(By.id("edit-nl"));
        assertThat(nl.getAttribute("value")).isEqualTo("brief");
        nl.clear();
        nl.sendKeys("Balie");
        driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector("tr[data-touchpoint='" + shop + "'] td")).getText()).isEqualTo("Balie");

        // Archive and restore.
        driver.findElement(By.cssSelector("tr[data-touchpoint='" + shop + "'] a.edit")).click();
        driver.findElement(By.id("archive")).click();
        assertThat(driver.findElement(By.cssSelector("h1 .badge")).getText()).isEqualTo("gearchiveerd");
        driver.get(url("/journeys/" + driver.findElement(By.cssSelector("p a")).getAttribute("href").replaceAll(".*/journeys/", "")));
        assertThat(driver.findElement(By.cssSelector("tr[data-touchpoint='" + shop + "'] .badge")).getText()).isEqualTo("gearchiveerd");
        driver.get(url("/insight/journey-map"));
        assertThat(Browser.foundNow(driver, By.cssSelector(".card[data-touchpoint='" + shop + "']"))).isEmpty();
        driver.findElement(By.id("map-archived")).click();
        driver.findElement(By.cssSelector("form.period button[type=submit]")).click();
        assertThat(driver.findElement(By.cssSelector(".card[data-touchpoint='" + shop + "'] .volume")).getText()).isEqualTo("2");
        driver.get(url("/touchpoints/" + shop + "/edit"));
        driver.findElement(By.id("restore")).click();
        assertThat(Browser.foundNow(driver, By.cssSelector("h1 .badge"))).isEmpty();

        // Delete: refused while interactions refer to it, and the page says so.
        assertThat(driver.findElement(By.cssSelector("ul.references")).getText()).isEqualTo("2 contacten");
        driver.findElement(By.id("delete")).click();
        assertThat(driver.findElement(By.id("delete-refusal")).getText()).isEqualTo(
                "Het contactmoment Balie kan niet worden verwijderd, want het is nog in gebruik: 2 contacten. Archiveer het in plaats daarvan.");
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "journey-edit-refused");

        driver.get(url("/touchpoints/" + letter + "/edit"));
        driver.findElement(By.id("delete")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Klacht melden");
        assertThat(Browser.foundNow(driver, By.cssSelector("tr[data-touchpoint='" + letter + "']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("tr[data-touchpoint='" + shop + "']"))).hasSize(1);
    }

    private Path interactionsCsv(String shop, String phone) throws IOException {
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("sourceId,touchpoint,at,person,kind\n");
        for (int i = 0; i < 5; i++) {
            csv.append("shop-").append(i).append(',').append(shop).append(',').append(base.minus(i, ChronoUnit.HOURS)).append(",,purchase\n");
        }
        // Line 7: a Dutch-style date without offset, which the report must name by line and column.
        csv.append("shop-bad,").append(shop).append(",12-05-2026 10:00,,purchase\n");
        for (int i = 5; i < 8; i++) {
            csv.append("shop-").append(i).append(',').append(shop).append(',').append(base.minus(i, ChronoUnit.HOURS)).append(",,purchase\n");
        }
        for (int i = 0; i < 4; i++) {
            csv.append("phone-").append(i).append(',').append(phone).append(',').append(base.minus(i, ChronoUnit.HOURS))
                    .append(",p_abcdefghijklmnopqrstuvwxyz,contact\n");
        }
        return Files.writeString(Files.createTempFile("interactions", ".csv"), csv);
    }

    private void addStage(String nl, String en) {
        driver.findElement(By.id("stage-nl")).sendKeys(nl);
        driver.findElement(By.id("stage-en")).sendKeys(en);
        driver.findElement(By.cssSelector("form[action$='/stages'] button[type=submit]")).click();
    }

    private void addTouchpoint(String stage, String nl, String en, String channel, String location) {
        new Select(driver.findElement(By.id("tp-stage"))).selectByVisibleText(stage);
        driver.findElement(By.id("tp-nl")).sendKeys(nl);
        driver.findElement(By.id("tp-en")).sendKeys(en);
        new Select(driver.findElement(By.id("tp-channel"))).selectByValue(channel);
        driver.findElement(By.id("tp-location")).sendKeys(location);
        driver.findElement(By.cssSelector("form[action$='/touchpoints'] button[type=submit]")).click();
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
