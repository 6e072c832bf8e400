package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.testing.Browser;

/**
 * The whole listening path of a CX manager on the demo organisation, in Chromium: map a journey, write a
 * survey and follow the checker's advice, attach it to the new touchpoint and set the contact policy;
 * the organisation's systems then report contacts through the API, invitations go out only where the
 * policy allows (a real SMTP server receives them), a traveller answers on a phone-sized page, and the
 * journey map shows the touchpoint's volume and the comment, and the score with n and interval once five
 * people answered (one answer alone is hidden).
 * Screenshots: target/screenshots/cx-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CxManagerBrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT1S");
    }

    private static final Pattern ANSWER_LINK = Pattern.compile("http://localhost:\\d+/a/[A-Za-z0-9._~-]+");

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    WebDriver driver;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aCxManagerMapsAJourneyAsksWellRespectsThePolicyAndSeesTheMapFill() throws Exception {
        driver = Browser.start(1280, 1000);
        signIn("analist");

        // 1. Map a journey with one touchpoint.
        driver.get(url("/journeys"));
        driver.findElement(By.id("journey-nl")).sendKeys("Huttentocht in de Alpen");
        driver.findElement(By.id("journey-en")).sendKeys("Hut-to-hut trek in the Alps");
        driver.findElement(By.cssSelector("form[action='/journeys'] button[type=submit]")).click();
        driver.findElement(By.id("stage-nl")).sendKeys("Onderweg");
        driver.findElement(By.id("stage-en")).sendKeys("On the trail");
        driver.findElement(By.cssSelector("form[action$='/stages'] button[type=submit]")).click();
        new Select(driver.findElement(By.id("tp-stage"))).selectByVisibleText("Onderweg");
        driver.findElement(By.id("tp-nl")).sendKeys("Aankomst in de hut");
        driver.findElement(By.id("tp-en")).sendKeys("Arrival at the hut");
        new Select(driver.findElement(By.id("tp-channel"))).selectByValue("LOCATION");
        driver.findElement(By.id("tp-location")).sendKeys("Zermatt");
        driver.findElement(By.cssSelector("form[action$='/touchpoints'] button[type=submit]")).click();
        String touchpoint = driver.findElement(By.cssSelector("td code")).getText();
        Browser.screenshot(driver, "cx-journey");

        // 2. Write a survey; the checker objects to a leading word, the manager takes its neutral rewrite.
        driver.get(url("/surveys/new"));
        type("titleNl", "Na de huttentocht");
        type("titleEn", "After the hut trek");
        type("closingNl", "Dank u. We lezen elk antwoord en laten binnen een maand weten wat we ermee doen.");
        type("closingEn", "Thank you. We read every answer and will tell you within a month what we do with it.");
        new Select(driver.findElement(By.id("q0-type"))).selectByValue("NPS");
        type("q0-nl", "Hoe waarschijnlijk is het dat u onze prachtige huttentocht aanbeveelt aan vrienden of familie?");
        type("q0-en", "How likely are you to recommend the hut trek to friends or family?");
        driver.findElement(By.id("add-question")).click();
        new Select(driver.findElement(By.id("q1-type"))).selectByValue("OPEN_TEXT");
        type("q1-nl", "Wat zouden we anders moeten doen?");
        type("q1-en", "What should we do differently?");
        WebElement attach = driver.findElement(By.cssSelector("input[name=touchpoints][value='" + touchpoint + "']"));
        scrollTo(attach);
        attach.click();
        driver.findElement(By.id("save")).click();

        WebElement leading = driver.findElement(By.cssSelector("#question-0 .finding-LEADING"));
        assertThat(leading.getText()).contains("prachtige");
        scrollTo(leading);
        Browser.screenshot(driver, "cx-survey-advice");
        type("q0-nl", leading.findElement(By.tagName("q")).getText());
        driver.findElement(By.id("save")).click();
        assertThat(Browser.foundNow(driver, By.cssSelector(".finding"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("input[name=touchpoints][value='" + touchpoint + "']")).isSelected()).isTrue();
        driver.findElement(By.id("publish")).click();
        assertThat(driver.findElement(By.cssSelector(".alert.info")).getText()).contains("gepubliceerd");
        Matcher surveyUrl = Pattern.compile("/surveys/([0-9a-f-]{36})").matcher(driver.getCurrentUrl());
        assertThat(surveyUrl.find()).as(driver.getCurrentUrl()).isTrue();
        String survey = surveyUrl.group(1);

        // The demo's invitations after its recent contacts were replayed: evening hours have a share too, and a sentence
        // says how many invitations waited for the quiet time (docs/listening.md, screenshot contact-invited-per-hour-demo).
        driver.get(url("/contact/policy"));
        WebElement perHour = driver.findElement(By.id("invited-per-hour"));
        String evening = perHour.findElement(By.cssSelector("tr[data-hour='20']")).getText()
                + perHour.findElement(By.cssSelector("tr[data-hour='21']")).getText();
        assertThat(evening).as("evening hours of the demo").contains("%").doesNotContain("geen contacten");
        assertThat(driver.findElement(By.id("invitations-waited")).getText()).contains("wachtten tot die voorbij was");
        // The afternoon and evening rows and the sentence below the table in one view.
        scrollTo(perHour.findElement(By.cssSelector("tr[data-hour='13']")));
        Browser.screenshot(driver, "contact-invited-per-hour-demo");

        // 3. The contact policy: ask everyone after this touchpoint (other touchpoints keep the general share), at any hour (the test must not depend on the clock),
        //    but never the same person twice within 30 days.
        driver.get(url("/contact/policy"));
        WebElement share = driver.findElement(By.id("share-" + touchpoint));
        scrollTo(share);
        share.clear();
        share.sendKeys("100");
        type("recontactDays", "30");
        setValue("quietFrom", "03:00");
        setValue("quietUntil", "03:00");
        for (WebElement day : driver.findElements(By.cssSelector("input[name=quietDays]"))) {
            if (day.isSelected()) {
                scrollTo(day);
                day.click();
            }
        }
        driver.findElement(By.id("save-policy")).click();
        Browser.screenshot(driver, "cx-policy");
        assertThat(driver.findElement(By.cssSelector(".alert.ok")).isDisplayed()).isTrue();

        // 4. The booking system registers three travellers and reports their arrival at the hut.
        String key = apiKeys.issue("cx-test-" + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String willem = register(key, "cx-willem-" + suffix, "Willem", "willem-" + suffix + "@hutten.example");
        String sanne = register(key, "cx-sanne-" + suffix, "Sanne", "sanne-" + suffix + "@hutten.example");
        consent(key, willem, true);
        consent(key, sanne, true);
        consent(key, sanne, false);
        OffsetDateTime arrival = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        String report = post(key, "/api/v1/interactions", """
                {"items": [
                  {"sourceId": "hut-%1$s-1", "touchpoint": "%2$s", "at": "%3$s", "person": "%4$s", "kind": "visit"},
                  {"sourceId": "hut-%1$s-2", "touchpoint": "%2$s", "at": "%3$s", "person": "%5$s", "kind": "visit"}
                ]}""".formatted(suffix, touchpoint, arrival, willem, sanne));
        assertThat(report).contains("\"created\":2");

        // Willem has consented and is invited; Sanne withdrew her consent and is not.
        MimeMessage invitation = awaitMailTo("willem-" + suffix + "@hutten.example");
        String body = GreenMailUtil.getBody(invitation).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = ANSWER_LINK.matcher(body);
        assertThat(link.find()).as("answer link in %s", body).isTrue();

        // A second stay of Willem's a day later falls inside the recontact window: no second invitation.
        post(key, "/api/v1/interactions", """
                {"items": [{"sourceId": "hut-%s-3", "touchpoint": "%s", "at": "%s", "person": "%s", "kind": "visit"}]}"""
                .formatted(suffix, touchpoint, arrival.plusHours(1), willem));
        driver.get(url("/contact/policy"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            String decisions = d.findElement(By.id("decisions")).getText();
            return decisions.contains(willem) && decisions.contains(sanne) && decisions.toLowerCase().contains("toestemming");
        });
        Browser.screenshot(driver, "cx-policy-decisions");
        assertThat(mailsTo("sanne-" + suffix + "@hutten.example")).isEmpty();
        assertThat(mailsTo("willem-" + suffix + "@hutten.example")).hasSize(1);

        // 5. Willem answers on his phone.
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(link.group());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Na de huttentocht");
        WebElement nine = driver.findElement(By.xpath("//input[starts-with(@name, 'q.') and @type='radio' and @value='9']"));
        String npsKey = nine.getAttribute("name").substring("q.".length());
        driver.findElement(By.xpath("//input[starts-with(@name, 'q.') and @type='radio' and @value='9']/..")).click();
        WebElement remark = driver.findElement(By.tagName("textarea"));
        String openKey = remark.getAttribute("name").substring("q.".length());
        remark.sendKeys("Laat ons in de hut eerder weten hoe laat het ontbijt is.");
        Browser.screenshot(driver, "cx-answer-phone");
        driver.findElement(By.cssSelector("button[value=send]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bedankt voor uw antwoorden");
        assertThat(driver.getPageSource()).contains("binnen een maand");

        // 6. The journey map: three visits and one answer. One answer is one person's: the score is hidden.
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url("/insight/journey-map"));
        WebElement row = driver.findElement(By.cssSelector(".card[data-touchpoint='" + touchpoint + "']"));
        assertThat(row.findElement(By.cssSelector(".volume")).getText()).isEqualTo("3");
        assertThat(row.findElement(By.cssSelector(".n")).getText()).isEqualTo("n < 5");
        assertThat(row.findElement(By.cssSelector(".hidden-score")).getText()).startsWith("minder dan 5 antwoorden");
        assertThat(Browser.foundNow(driver, row, By.cssSelector(".estimate"))).isEmpty();
        Browser.screenshot(driver, "cx-journey-map-hidden");

        // 7. Four more travellers answer at the hut's kiosk: with five answers the map shows NPS 100 with its
        //    (wide) interval, flagged as a small sample.
        StringBuilder kiosk = new StringBuilder("{\"items\": [");
        // Answered now, as Willem's answer was: the trend counts answers by the week they were given, and five answers in
        // one week make a point. (At the arrival's time they fell in the week before his when the test ran in the first
        // two hours of a Monday.)
        OffsetDateTime answered = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        for (int i = 0; i < 4; i++) {
            kiosk.append(i == 0 ? "" : ",").append("""
                    {"sourceId": "kiosk-%s-%d", "survey": "%s", "touchpoint": "%s", "at": "%s",
                     "answers": {"%s": ["9"], "%s": ["Mooie hut, vriendelijke waard."]}}"""
                    .formatted(suffix, i, survey, touchpoint, answered.plusSeconds(i), npsKey, openKey));
        }
        assertThat(post(key, "/api/v1/answers", kiosk.append("]}").toString())).contains("\"created\":4");
        driver.get(url("/insight/journey-map"));
        row = driver.findElement(By.cssSelector(".card[data-touchpoint='" + touchpoint + "']"));
        assertThat(row.findElement(By.cssSelector(".n")).getText()).isEqualTo("n = 5");
        assertThat(row.findElement(By.cssSelector(".estimate")).getText()).startsWith("100,0 (95%: ");
        assertThat(row.findElement(By.cssSelector(".small-n")).isDisplayed()).isTrue();
        // The weekly trend is drawn on the NPS scale's own range (-100..100), so a score of 100 sits at the top edge of
        // the sparkline and not beyond it, and its text alternative says the week's score.
        WebElement spark = row.findElement(By.cssSelector("svg.spark"));
        assertThat(spark.getDomAttribute("aria-label")).startsWith("Aanbevelen (NPS) per week").contains(": 100,0");
        for (WebElement dot : spark.findElements(By.cssSelector("circle, polyline"))) {
            String points = dot.getTagName().equals("circle") ? dot.getDomAttribute("cy") : dot.getDomAttribute("points");
            for (String y : points.trim().split("[ ]+")) {
                double value = Double.parseDouble(y.contains(",") ? y.split(",")[1] : y);
                assertThat(value).as("a point of the NPS sparkline").isBetween(0.0, 36.0);
            }
        }
        WebElement comments = row.findElement(By.tagName("details"));
        scrollTo(comments);
        comments.findElement(By.tagName("summary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> comments.getText().contains("ontbijt"));
        assertThat(driver.getPageSource()).doesNotContain("??");
        Browser.screenshot(driver, "cx-journey-map");
    }

    private String register(String key, String customerId, String name, String email) throws Exception {
        String answer = post(key, "/api/v1/persons", """
                {"customerId": "%s", "name": "%s", "email": "%s", "channel": "EMAIL", "language": "nl"}"""
                .formatted(customerId, name, email));
        Matcher personKey = Pattern.compile("\"personKey\":\"([^\"]+)\"").matcher(answer);
        assertThat(personKey.find()).as(answer).isTrue();
        return personKey.group(1);
    }

    private void consent(String key, String person, boolean given) throws Exception {
        post(key, "/api/v1/consents", """
                {"personKey": "%s", "purpose": "feedback", "given": %s, "channel": "booking"}""".formatted(person, given));
    }

    private String post(String key, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isBetween(200, 299);
        return response.body();
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = mailsTo(address);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no e-mail to " + address + " within 60 s");
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Time inputs take typed digits differently per locale; set them as a script would. */
    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.cssSelector("form.lang button[value=nl]")).click();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("buitenpad-demo");
        driver.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
