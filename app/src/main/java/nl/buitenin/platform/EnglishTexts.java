package nl.buitenin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The English wording of a message key, read from {@code i18n/*_en.properties} without a Spring context, so that an
 * exception's own message (logs, command-line tools) is readable English while pages and API problems tell the same
 * key in the reader's language. Formats like Spring's message source: {@link MessageFormat} only when there are
 * arguments, so a message without arguments may hold a plain apostrophe.
 */
final class EnglishTexts {

    private static volatile @Nullable Map<String, String> texts;

    private EnglishTexts() {
    }

    static String format(String key, List<Object> args) {
        String pattern = all().get(key);
        if (pattern == null) {
            return key;
        }
        return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(
                args.stream().map(EnglishTexts::english).toArray());
    }

    /** An argument that is itself a message (a status, a thing's name) is told in English too, as Spring's message source does. */
    private static Object english(Object arg) {
        if (arg instanceof MessageSourceResolvable term && term.getCodes() != null && term.getCodes().length > 0) {
            Object[] nested = term.getArguments() == null ? new Object[0] : term.getArguments();
            String text = format(term.getCodes()[0], List.of(nested));
            return text.equals(term.getCodes()[0]) && term.getDefaultMessage() != null ? term.getDefaultMessage() : text;
        }
        return arg;
    }

    static boolean has(String key) {
        return all().containsKey(key);
    }

    private static Map<String, String> all() {
        Map<String, String> loaded = texts;
        if (loaded == null) {
            loaded = load();
            texts = loaded;
        }
        return loaded;
    }

    private static Map<String, String> load() {
        Map<String, String> result = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(EnglishTexts.class.getClassLoader())
                    .getResources("classpath*:i18n/*_en.properties")) {
                Properties properties = new Properties();
                try (InputStream in = resource.getInputStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the English texts", e);
        }
        return Map.copyOf(result);
    }

    /**
     * Whole numbers become plain text, so a year or a line number reads 2026, not 2,026 (or 2.026 in Dutch);
     * fractions stay numbers and are written the reader's way.
     */
    static List<Object> plain(Object... args) {
        return java.util.Arrays.stream(args)
                .map(a -> a instanceof Integer || a instanceof Long || a instanceof Short ? (Object) a.toString()
                        : a == null ? "" : a)
                .toList();
    }
}
