package nl.buitenin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The text a person reads on a rendered page, and what must never be in it: ids (UUIDs), message keys (any key of
 * the {@code i18n/*.properties} bundles, or Thymeleaf's {@code ??key??} for a missing one) and Java record dumps
 * ({@code GivenAnswer[questionKey=...}).
 *
 * <p>Only text counts: attributes (links, form values, {@code data-} attributes) carry ids on purpose. Left out are
 * {@code script}, {@code style}, {@code template} and elements with the {@code hidden} attribute; the page title
 * counts, as the tab shows it. The HTML is read with attoparser, Thymeleaf's own parser (no extra dependency).
 */
public final class VisibleText {

    private static final Pattern UUID = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    /** A person's pseudonymous key ({@code PersonKey}): a person is named in words, or as "customer without a name". */
    private static final Pattern PERSON_KEY = Pattern.compile("\\bp_[a-z2-7]{26}\\b");
    private static final Pattern RECORD_DUMP = Pattern.compile("\\b[A-Z]\\w*\\[\\w+=");
    /** Characters around a word that are not part of it (a key itself holds letters, digits, dots, dashes, underscores). */
    private static final String EDGES = "^[\\p{Punct}“”‘’«»…]+|[\\p{Punct}“”‘’«»…]+$";
    private static final Set<String> INVISIBLE = Set.of("script", "style", "template", "noscript");

    private static volatile Set<String> keys;

    private VisibleText() {
    }

    /** The visible text of a page or fragment, white space collapsed to single spaces. */
    public static String of(String html) {
        StringBuilder text = new StringBuilder();
        Deque<Boolean> hidden = new ArrayDeque<>();
        try {
            new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, new AbstractSimpleMarkupHandler() {
                @Override
                public void handleOpenElement(String name, Map<String, String> attributes, int line, int col) {
                    open(name, attributes);
                }

                @Override
                public void handleAutoOpenElement(String name, Map<String, String> attributes, int line, int col) {
                    open(name, attributes);
                }

                @Override
                public void handleCloseElement(String name, int line, int col) {
                    close();
                }

                @Override
                public void handleAutoCloseElement(String name, int line, int col) {
                    close();
                }

                @Override
                public void handleStandaloneElement(String name, Map<String, String> attributes, boolean minimized, int line, int col) {
                    text.append(' ');
                }

                @Override
                public void handleText(char[] buffer, int offset, int len, int line, int col) {
                    if (!hidden.contains(Boolean.TRUE)) {
                        text.append(buffer, offset, len);
                    }
                }

                private void open(String name, Map<String, String> attributes) {
                    boolean invisible = INVISIBLE.contains(name.toLowerCase(java.util.Locale.ROOT))
                            || attributes != null && attributes.keySet().stream().anyMatch("hidden"::equalsIgnoreCase)
                            || attributes != null && technicalId(attributes.get("class"));
                    hidden.push(invisible);
                    text.append(' ');
                }

                private void close() {
                    if (!hidden.isEmpty()) {
                        hidden.pop();
                    }
                    text.append(' ');
                }
            });
        } catch (ParseException e) {
            throw new IllegalArgumentException("not HTML: " + e.getMessage(), e);
        }
        return HtmlUtils.htmlUnescape(text.toString()).replaceAll("\\s+", " ").strip();
    }

    /**
     * An id shown to be copied ({@code <code class="technical-id">}): a touchpoint's id for an import file, a person's key
     * for the privacy officer's access log. It is not text to read, so it is left out.
     */
    private static boolean technicalId(String classes) {
        return classes != null && List.of(classes.split("\\s+")).contains("technical-id");
    }

    /** What a reader should not see in the visible text of the page: each UUID, message key or record dump found. */
    public static List<String> problems(String html) {
        return problemsInText(of(html));
    }

    /** As {@link #problems(String)}, for text already taken from a page (for instance a browser's {@code getText()}). */
    public static List<String> problemsInText(String text) {
        List<String> found = new ArrayList<>();
        find(UUID, text, "id", found);
        find(MISSING_MESSAGE, text, "missing text", found);
        find(RECORD_DUMP, text, "record dump", found);
        find(PERSON_KEY, text, "person key", found);
        Set<String> known = keys();
        for (String word : text.split("\\s+")) {
            String token = word.replaceAll(EDGES, "");
            if (known.contains(token)) {
                found.add("message key: " + token);
            }
        }
        return found;
    }

    private static void find(Pattern pattern, String text, String what, List<String> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(what + ": " + matcher.group());
        }
    }

    /**
     * The codes of the application's enums (call-back outcomes, statuses, channels…) and ISO dates in a page's visible
     * text: a person reads "bereikt" and "4 december 2026", not "REACHED" and "2026-12-04". A constant counts when it
     * holds an underscore or has five letters or more, so that abbreviations people use (NPS, CSAT, CES, SMS) may stay.
     */
    public static List<String> codesInText(String text) {
        List<String> found = new ArrayList<>();
        find(ISO_DATE, text, "ISO date", found);
        Set<String> codes = enumCodes();
        for (String word : text.split("\\s+")) {
            String token = word.replaceAll(EDGES, "");
            if (codes.contains(token)) {
                found.add("code: " + token);
            }
        }
        return found;
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static volatile Set<String> enumCodes;

    /** The constants of every enum of the application (main classes under {@code nl.buitenin}) that read as a code. */
    static Set<String> enumCodes() {
        Set<String> loaded = enumCodes;
        if (loaded == null) {
            loaded = new HashSet<>();
            try {
                for (Resource type : new PathMatchingResourcePatternResolver().getResources("classpath*:nl/buitenin/**/*.class")) {
                    String url = type.getURL().toString();
                    if (url.contains("/test-classes/")) {
                        continue;
                    }
                    String name = url.substring(url.indexOf("nl/buitenin/")).replace(".class", "").replace('/', '.');
                    Class<?> loadedType;
                    try {
                        loadedType = Class.forName(name, false, VisibleText.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    if (loadedType.isEnum()) {
                        for (Object constant : loadedType.getEnumConstants()) {
                            String code = ((Enum<?>) constant).name();
                            if (code.matches("[A-Z][A-Z0-9_]+") && (code.contains("_") || code.length() >= 5)) {
                                loaded.add(code);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            enumCodes = Set.copyOf(loaded);
        }
        return loaded;
    }

    /** Every key of every message bundle that has a dot in it (a one-word key could be an ordinary word). */
    static Set<String> keys() {
        Set<String> loaded = keys;
        if (loaded == null) {
            loaded = new HashSet<>();
            try {
                for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                    Properties properties = new Properties();
                    try (InputStream in = bundle.getInputStream()) {
                        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    properties.stringPropertyNames().stream().filter(k -> k.contains(".")).forEach(loaded::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys = Set.copyOf(loaded);
        }
        return loaded;
    }
}
