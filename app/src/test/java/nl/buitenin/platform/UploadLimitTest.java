package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;

/**
 * An upload over the limit gets 413 naming the limit in the reader's language, through a real servlet container (the
 * limit is the container's and Spring's, which a mock request does not meet): a problem for the API, a page for a
 * browser. The limit is lowered to 1 KB here; it is 50 MB by default ({@code BUITENIN_MAX_UPLOAD}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=1KB"})
class UploadLimitTest {

    static final String BOUNDARY = "----upload-limit";

    @LocalServerPort
    int port;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;

    String base() {
        return "http://localhost:" + port;
    }

    static String multipart(String csrf) {
        String big = "sourceId,touchpoint,at\n" + "x".repeat(4000) + "\n";
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacten.csv\"\r\nContent-Type: text/csv\r\n\r\n" + big
                + "\r\n--" + BOUNDARY + "--\r\n";
    }

    @Test
    void aBrowserGetsAPageNamingTheLimitInTheUsersLanguage() throws Exception {
        users.create(new NewUser("ulla", "Ulla Upload", "a long enough password", Set.of(Role.ADMIN), null, "nl", false));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ulla&password=" + URLEncoder.encode("a long enough password", StandardCharsets.UTF_8)
                        + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        String form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/interactions/import")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String pageToken = csrf(form);
        for (String path : new String[] {"/interactions/import", "/interactions/import?_csrf=" + pageToken}) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept", "text/html,application/xhtml+xml")
                    .POST(HttpRequest.BodyPublishers.ofString(multipart(pageToken))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(413);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.body()).as(path).contains("De upload is groter dan de grens van 1 KB");
        }
    }

    @Test
    void theApiGetsAProblemNamingTheLimitInTheAskedLanguage() throws Exception {
        String key = apiKeys.issue("big file " + System.nanoTime(), Set.of(Scope.INGEST), null).plainText();
        for (String language : new String[] {"nl", "en"}) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/interactions"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(multipart(""))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(JsonPath.<Integer>read(answer.body(), "$.status")).isEqualTo(413);
            assertThat(JsonPath.<Integer>read(answer.body(), "$.limitBytes")).isEqualTo(1024);
            assertThat(JsonPath.<String>read(answer.body(), "$.detail")).isEqualTo(language.equals("nl")
                    ? "De upload is groter dan de grens van 1 KB; splits het bestand en upload de delen een voor een"
                    : "The upload is larger than the limit of 1 KB; split the file and upload the parts one by one");
        }
    }

    @Test
    void anExportSentAsJsonOverTheLimitIsRefusedUnread() throws Exception {
        String key = apiKeys.issue("big json " + System.nanoTime(), Set.of(Scope.INGEST), null).plainText();
        String body = "{\"format\":\"plain\",\"csv\":\"responseId,at,nps\\n" + "r,2026-03-02 10:00:00,9\\n".repeat(200) + "\"}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/v1/surveys/" + java.util.UUID.randomUUID() + "/answer-imports"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(JsonPath.<String>read(answer.body(), "$.detail"))
                .isEqualTo("The upload is larger than the limit of 1 KB; split the file and upload the parts one by one");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/interactions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        // A caller who may not post at all is refused as before, not told about sizes.
        assertThat(anonymous.statusCode()).isIn(401, 403);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
            assertThat(m.find()).as("a CSRF token on the page").isTrue();
        }
        return m.group(1);
    }
}
