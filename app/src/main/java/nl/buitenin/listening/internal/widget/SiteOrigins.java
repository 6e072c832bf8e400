package nl.buitenin.listening.internal.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The origins a site may frame the answer page from, checked one by one: an origin is exactly
 * {@code https://host[:port]} — no path, query, wildcard or user — because it goes verbatim into a
 * {@code Content-Security-Policy: frame-ancestors} header, where anything looser would let other pages
 * frame the survey. Plain http is accepted only for this machine (localhost, 127.0.0.1), for trying out.
 */
public final class SiteOrigins {

    static final int MAX = 10;

    private SiteOrigins() {
    }

    /** The origins in their normal form (lower case, no default port), or an error naming {@code origins[i]}. */
    public static List<String> parse(List<String> given) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> origins = new LinkedHashSet<>();
        List<String> lines = given == null ? List.of() : given.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.isEmpty()) {
            errors.add(FieldError.of("origins", "listening.invalid.origins.none"));
        } else if (lines.size() > MAX) {
            errors.add(FieldError.of("origins", "listening.invalid.origins.tooMany", MAX));
        }
        for (int i = 0; i < lines.size() && i < MAX; i++) {
            String problem = problemWith(lines.get(i));
            if (problem != null) {
                errors.add(FieldError.of("origins[" + i + "]", problem, shorten(lines.get(i))));
            } else {
                origins.add(normal(lines.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(origins);
    }

    /** The message key of what is wrong with one origin (told with the origin as its argument), or null when it is fine. */
    private static String problemWith(String origin) {
        if (origin.contains("*")) {
            return "listening.invalid.origin.wildcard";
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return "listening.invalid.origin.form";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http") || host == null || host.isBlank() || uri.isOpaque()) {
            return "listening.invalid.origin.form";
        }
        if (uri.getRawUserInfo() != null) {
            return "listening.invalid.origin.user";
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "listening.invalid.origin.path";
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            return "listening.invalid.origin.https";
        }
        return null;
    }

    private static String normal(String origin) {
        URI uri = URI.create(origin);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
