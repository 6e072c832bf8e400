import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues an API key on a running demo instance without a browser, for the load drivers in bench/: waits until the
 * server answers as ready, signs in through the login form as the demo administrator, posts the API-keys form (the
 * same requests a browser sends) and prints the key, shown once on the page, on standard output.
 * There is no command-line or REST way to issue a key: keys are made by an administrator on /admin/api-keys.
 *
 * Usage: java bench/loop/DemoApiKey.java BASE_URL [USER] [PASSWORD] [SCOPE,...] [WAIT_SECONDS]
 * (defaults: beheerder, buitenpad-demo, INGEST,READ, 600).
 */
public class DemoApiKey {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("bk_[0-9a-f]{8}_[0-9a-f]{48}");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args.length > 1 ? args[1] : "beheerder";
        String password = args.length > 2 ? args[2] : "buitenpad-demo";
        String[] scopes = (args.length > 3 ? args[3] : "INGEST,READ").split(",");
        int waitSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 600;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        awaitReady(http, base, waitSeconds);

        String login = get(http, base + "/login");
        String home = post(http, base + "/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login)));
        if (home.contains("name=\"password\"")) {
            throw new IllegalStateException("sign-in as " + user + " was refused");
        }
        String page = get(http, base + "/admin/api-keys");
        StringBuilder form = new StringBuilder("name=" + enc("benchmark " + Instant.now()));
        for (String scope : scopes) {
            form.append("&scopes=").append(enc(scope.trim()));
        }
        form.append("&_csrf=").append(enc(csrf(page)));
        Matcher key = API_KEY.matcher(post(http, base + "/admin/api-keys", form.toString()));
        if (!key.find()) {
            throw new IllegalStateException("no API key on the page after issuing one");
        }
        System.out.println(key.group());
    }

    private static void awaitReady(HttpClient http, String base, int seconds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the server at " + base + " was not ready within " + seconds + " s");
    }

    private static String csrf(String page) {
        for (Pattern pattern : new Pattern[] {FORM_CSRF, META_CSRF}) {
            Matcher matcher = pattern.matcher(page);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("no CSRF token on the page");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String get(HttpClient http, String url) throws Exception {
        return ok(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String post(HttpClient http, String url, String form) throws Exception {
        return ok(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
