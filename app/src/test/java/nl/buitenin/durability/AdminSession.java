package nl.buitenin.durability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an operator does in the browser on a new instance, through the same pages and API: the first sign-in of
 * {@code admin} with the one-time password, choosing a password, issuing an API key and mapping a touchpoint.
 */
final class AdminSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("bk_[0-9a-f]{8}_[0-9a-f]{48}");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String baseUrl;

    private final HttpClient http;

    private AdminSession(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build());
    }

    private AdminSession(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /**
     * The same browser (the same session cookie) talking to another node: cookies are not bound to a port, just as a
     * load balancer sends one browser's requests to any node behind one address.
     */
    AdminSession on(String otherBaseUrl) {
        return new AdminSession(otherBaseUrl, http);
    }

    /** The page at {@code path} and the path it ended on after redirects ({@code /login} when not signed in). */
    Page page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.uri().getPath(), response.body());
    }

    record Page(int status, String path, String body) {
    }

    /** Issues an API key with a form taken from another node's page (its CSRF token lives in the shared session). */
    String issueApiKeyWithFormFrom(AdminSession formNode, String scope) throws IOException, InterruptedException {
        String page = formNode.get("/admin/api-keys");
        String answer = postForm("/admin/api-keys", CSRF, page, Map.of("name", "two nodes", "scopes", scope));
        Matcher key = API_KEY.matcher(answer);
        if (!key.find()) {
            throw new IllegalStateException("no API key on the page after issuing one");
        }
        return key.group();
    }

    /** Signs in as the first administrator and replaces the one-time password. */
    static AdminSession firstSignIn(String baseUrl, String oneTimePassword) throws IOException, InterruptedException {
        AdminSession session = new AdminSession(baseUrl);
        String loginPage = session.get("/login");
        session.postForm("/login", FORM_CSRF, loginPage, Map.of("username", "admin", "password", oneTimePassword));
        String chosen = "Crashproef-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String passwordPage = session.get("/account/password");
        String home = session.postForm("/account/password", CSRF, passwordPage,
                Map.of("current", oneTimePassword, "password", chosen, "repeat", chosen));
        if (home.contains("name=\"current\"")) {
            throw new IllegalStateException("the new password was refused");
        }
        return session;
    }

    /** A new API key with the given scope, as shown once on the API keys page. */
    String issueApiKey(String scope) throws IOException, InterruptedException {
        String page = get("/admin/api-keys");
        String answer = postForm("/admin/api-keys", CSRF, page, Map.of("name", "crash test", "scopes", scope));
        Matcher key = API_KEY.matcher(answer);
        if (!key.find()) {
            throw new IllegalStateException("no API key on the page after issuing one");
        }
        return key.group();
    }

    /** A journey with one stage and one touchpoint; answers the touchpoint's id. */
    String mapTouchpoint() throws IOException, InterruptedException {
        String token = token(CSRF, get("/admin/api-keys"));
        String journey = postJson("/api/v1/journeys", token, "{\"nameNl\":\"Crashproef\",\"nameEn\":\"Crash test\"}");
        String stage = postJson("/api/v1/journeys/" + journey + "/stages", token, "{\"nameNl\":\"Contact\",\"nameEn\":\"Contact\"}");
        return postJson("/api/v1/stages/" + stage + "/touchpoints", token,
                "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"PHONE\"}");
    }

    private String get(String path) throws IOException, InterruptedException {
        return ok(http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String postForm(String path, Pattern csrf, String page, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token(csrf, page));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ok(http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String postJson(String path, String token, String json) throws IOException, InterruptedException {
        String answer = ok(http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
        Matcher id = ID.matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("no id in the answer to " + path + ": " + answer);
        }
        return id.group(1);
    }

    private static String token(Pattern csrf, String page) {
        Matcher matcher = csrf.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
