package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every error a reader sees (invalid input, not found, conflict, import rows) is told through a message key, so it
 * reaches them in their own language: the source may not build one from English text, and every key it names exists.
 */
class ErrorMessageKeysTest {

    /** A message key of an error, a thing's name or a conflict, as written in the code. */
    private static final Pattern KEY = Pattern.compile("\"([a-z]+\\.(?:invalid|conflict|thing)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    /** A key, or the literal start of one completed in code ({@code "loop.conflict." + step}). */
    private static final Pattern KEY_START = Pattern.compile("\"[a-z]+\\.(?:invalid|conflict|thing)\\.");

    /** Constructors that take English text: their second argument (or, for conflicts and not-found, the first) must not be text. */
    private static final Pattern TEXT_CONSTRUCTOR = Pattern.compile(
            "new (InvalidInputException|InvalidInputException\\.FieldError|FieldError|ConflictException|NotFoundException|RowError)\\(");

    private static final Path SOURCES = Path.of("src/main/java/nl/buitenin");

    @Test
    void noModuleTellsAnErrorInEnglishText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            String code = Files.readString(file);
            if (name.startsWith("platform/") || name.contains("/cli/") || code.contains("@Command(")) {
                continue;
            }
            Matcher call = TEXT_CONSTRUCTOR.matcher(code);
            while (call.find()) {
                List<String> args = arguments(code, call.end());
                String type = call.group(1);
                boolean text = switch (type) {
                    case "ConflictException", "NotFoundException" -> !args.isEmpty() && !KEY_START.matcher(args.get(0)).lookingAt();
                    case "RowError" -> args.size() == 3;
                    default -> args.size() == 2;
                };
                if (text) {
                    offenders.add(name + ":" + line(code, call.start()) + " " + type + "(" + String.join(", ", args) + ")");
                }
            }
        }
        assertThat(offenders).as("errors built from English text instead of a message key (use FieldError.of, "
                + "InvalidInputException.of, or a key for ConflictException and NotFoundException)").isEmpty();
    }

    @Test
    void everyErrorKeyInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> dutch = keys("nl");
        Set<String> english = keys("en");
        Set<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            Matcher key = KEY.matcher(Files.readString(file));
            while (key.find()) {
                if (!dutch.contains(key.group(1)) || !english.contains(key.group(1))) {
                    missing.add(SOURCES.relativize(file) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).as("error keys used in the code but not defined in i18n/<module>_{nl,en}.properties").isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        // MessageFormat (used once a message has arguments) drops a single ' and everything it quotes.
        Set<String> wrong = new TreeSet<>();
        for (String language : List.of("nl", "en")) {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_" + language + ".properties")) {
                Properties properties = load(resource);
                for (String name : properties.stringPropertyNames()) {
                    String text = properties.getProperty(name);
                    if (text.matches("(?s).*\\{\\d}.*") && text.replace("''", "").contains("'")) {
                        wrong.add(resource.getFilename() + ": " + name);
                    }
                }
            }
        }
        assertThat(wrong).as("messages with {0} arguments and a single apostrophe (write '' instead)").isEmpty();
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(code.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    private static int line(String code, int offset) {
        return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static Set<String> keys(String language) throws IOException {
        Set<String> keys = new HashSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_" + language + ".properties")) {
            keys.addAll(load(resource).stringPropertyNames());
        }
        return keys;
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
