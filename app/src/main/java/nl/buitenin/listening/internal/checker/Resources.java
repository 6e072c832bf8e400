package nl.buitenin.listening.internal.checker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads the checker's word lists and explanations from {@code listening/checker/} on the class path. */
final class Resources {

    private static final String FOLDER = "listening/checker/";
    private static final Properties EXPLANATIONS = properties("explanations.properties");

    private Resources() {
    }

    /** Non-blank lines that are not comments. */
    static List<String> lines(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing checker resource " + FOLDER + name);
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the form {@code key=value}, keys in lower case, in file order. */
    static Map<String, String> pairs(String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines(name)) {
            int equals = line.indexOf('=');
            pairs.put(line.substring(0, equals).trim().toLowerCase(Locale.ROOT), line.substring(equals + 1).trim());
        }
        return pairs;
    }

    static Finding finding(FindingCode code, String evidence, String rewrite, Object... extra) {
        Object[] arguments = new Object[extra.length + 1];
        arguments[0] = evidence;
        System.arraycopy(extra, 0, arguments, 1, extra.length);
        return new Finding(code, evidence, format(code + ".nl", arguments), format(code + ".en", arguments), tidy(rewrite));
    }

    static String text(String key) {
        return EXPLANATIONS.getProperty(key);
    }

    /**
     * A small word written twice ("the the", "de de"): a typing slip in the question, or two removed words meeting
     * in the rewrite. Longer words may be doubled on purpose ("dat dat"), so only these are joined.
     */
    private static final java.util.regex.Pattern DOUBLED = java.util.regex.Pattern.compile(
            "(?<!\\p{L})(de|het|een|te|van|onze|uw|the|a|an|to|of|our|your)(\\s+\\1)+(?!\\p{L})",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** Collapses spaces left by removed words and doubled small words, and starts the sentence with a capital. */
    static String tidy(String sentence) {
        String tidy = DOUBLED.matcher(sentence.replaceAll("\\s+", " ")).replaceAll("$1").replaceAll(" ([?,.!])", "$1").trim();
        return tidy.isEmpty() ? tidy : Character.toUpperCase(tidy.charAt(0)) + tidy.substring(1);
    }

    private static String format(String key, Object[] arguments) {
        String pattern = EXPLANATIONS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no explanation " + key);
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(arguments);
    }

    private static Properties properties(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
