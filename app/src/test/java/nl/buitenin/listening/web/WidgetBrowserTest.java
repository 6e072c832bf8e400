package nl.buitenin.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.listening.internal.widget.WidgetSite;
import nl.buitenin.listening.internal.widget.WidgetSites;
import nl.buitenin.testing.Browser;
import tools.jackson.databind.ObjectMapper;
import nl.buitenin.testing.Unique;

/**
 * The widget as a site uses it: a booking page on another origin (its own small HTTP server on another
 * loopback address) asks Buitenin for a one-time link from its server side with an API key, includes
 * {@code widget.js}, and the visitor answers inside the iframe. The answer is stored and counted in the
 * touchpoint's scores. The same link framed by an origin that was not registered is blocked by the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    WidgetSites sites;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    ObjectMapper json;

    WebDriver driver;
    HttpServer bookingSite;
    HttpServer otherSite;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (bookingSite != null) {
            bookingSite.stop(0);
        }
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    @Test
    void aVisitorAnswersInsideTheFrameOfTheBookingPageAndTheScoreCounts() throws Exception {
        driver = Browser.start(420, 900);
        TouchpointId touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Boeken"), Unique.name("Booking"))), new Names("Boeken", "Book")),
                new Names("Boekingspagina", "Booking page"), Channel.WEB, null);
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        policy.change(new PolicyFile(1.0, null, null, 30, 5, 10, "00:00", "00:00", List.of(), 0, "EMAIL"));
        String key = apiKeys.issue("boekingssite " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();

        // Buitenin runs on localhost; the booking site on 127.0.0.1, another site altogether for the browser.
        bookingSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String bookingOrigin = "http://127.0.0.1:" + bookingSite.getAddress().getPort();
        WidgetSite site = sites.register("Boekingspagina", survey.lineage().toString(), touchpoint.value().toString(),
                List.of(bookingOrigin));
        bookingSite.createContext("/geboekt", exchange -> page(exchange, key, site));
        bookingSite.start();
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/geboekt", exchange -> page(exchange, key, site));
        otherSite.start();

        driver.get(bookingOrigin + "/geboekt");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vragen iframe.buitenin-widget")));
        driver.switchTo().frame(frame);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Uw wandelreis");
        assertThat(Browser.foundNow(driver, By.cssSelector("nav, header"))).as("no menu inside the frame").isEmpty();
        driver.findElement(By.xpath("//input[@name='q.nps' and @value='9']/..")).click();
        driver.findElement(By.id("q-beter")).sendKeys("Graag een kaart van de route bij de bevestiging.");
        driver.switchTo().defaultContent();
        // The frame tells its height, so the whole question list shows without a scroll bar of its own.
        wait.until(d -> Integer.parseInt(frame.getDomProperty("offsetHeight")) > 480);
        Browser.screenshot(driver, "listening-widget");

        driver.switchTo().frame(frame);
        driver.findElement(By.cssSelector("button[value=send]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("widget-thanks")));
        assertThat(driver.findElement(By.id("widget-thanks")).getText()).isEqualTo("Bedankt voor uw antwoorden");
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "listening-widget-thanks");

        List<ScoreSlice> scores = histograms.summarise(new ScoreQuery(Set.of(touchpoint), LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1), "nps", Grouping.TOTAL, true));
        assertThat(scores).hasSize(1);
        assertThat(scores.get(0).histogram().n()).isEqualTo(1);
        assertThat(scores.get(0).histogram().counts()[9]).isEqualTo(1);

        // The same kind of page on an origin that was not registered: the browser refuses to show Buitenin in it.
        driver.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/geboekt");
        WebElement blocked = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vragen iframe.buitenin-widget")));
        driver.switchTo().frame(blocked);
        // Chromium replaces a frame refused by frame-ancestors with its own error document.
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return location.href")).startsWith("chrome-error:"));
        assertThat(Browser.foundNow(driver, By.id("q-beter"))).isEmpty();
        driver.switchTo().defaultContent();
    }

    @Test
    void aChangedLinkShowsTheFriendlyRefusalInsideTheFrameOfAnotherOrigin() throws Exception {
        driver = Browser.start(420, 700);
        bookingSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // A token as a site might garble it: the right shape, a signature that does not match.
        bookingSite.createContext("/geboekt", exchange -> respond(exchange, "c3VydmV5LXdpZGdldHx4eHh4fDF8.bm90LWEtc2lnbmF0dXJl"));
        bookingSite.start();

        driver.get("http://127.0.0.1:" + bookingSite.getAddress().getPort() + "/geboekt");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vragen iframe.buitenin-widget")));
        driver.switchTo().frame(frame);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(String.valueOf(((JavascriptExecutor) driver).executeScript("return location.href"))).doesNotStartWith("chrome-error:");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet (meer)");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Deze vragen kunnen niet worden getoond. U hoeft niets te doen.");
        assertThat(Browser.foundNow(driver, By.tagName("form"))).isEmpty();
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "listening-widget-refused");
    }

    /** The booking site's page: its server asks Buitenin for a link, the page loads widget.js with it. */
    private void page(HttpExchange exchange, String key, WidgetSite site) throws IOException {
        String token;
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/widget-sites/" + site.id() + "/tokens"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"boeking-" + UUID.randomUUID() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            token = json.readTree(answer.body()).get("token").asString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        respond(exchange, token);
    }

    private void respond(HttpExchange exchange, String token) throws IOException {
        String html = """
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Geboekt · Buitenpad Wandelreizen</title></head>
                <body style="font-family: sans-serif; margin: 1rem">
                <h1>Uw reis is geboekt</h1>
                <p>Boekingsnummer BP-2026-0412. U ontvangt de bevestiging per e-mail.</p>
                <div id="vragen"></div>
                <script src="http://localhost:%d/js/widget.js" data-token="%s" data-lang="nl" data-target="#vragen" async></script>
                </body></html>
                """.formatted(port, token);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
