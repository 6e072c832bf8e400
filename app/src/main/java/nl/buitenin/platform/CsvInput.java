package nl.buitenin.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.internal.StrictUtf8Reader;

/**
 * The one way an uploaded CSV file is read, so every import answers the same file the same way:
 * <ul>
 * <li>the text must be UTF-8; a byte order mark is dropped; a file in Latin-1 or Windows-1252 (older Excel) is refused
 * naming the line of the first byte that is not UTF-8, never stored with replacement characters;</li>
 * <li>comma separated, values in double quotes where they hold a comma, quote or line break (a quote inside doubled);
 * a value whose quotes are broken is refused naming the line its row starts on;</li>
 * <li>lines are numbered as an editor shows them, the first line being 1, also when a value spans lines;</li>
 * <li>a header names each column once ({@link Header}); a row with more or fewer fields than the header is refused.</li>
 * </ul>
 * Refusals are {@link InvalidInputException}s with a message key, told in the reader's language.
 */
public final class CsvInput {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvInput() {
    }

    /** A file refused as a whole, at a line: not UTF-8, broken quotes, a column named twice. */
    public static final class Refusal extends InvalidInputException {

        private final long line;

        public Refusal(long line, String key, Object... args) {
            super(List.of(FieldError.of("line " + line, key, args)));
            this.line = line;
        }

        public long line() {
            return line;
        }

        public FieldError error() {
            return errors().get(0);
        }
    }

    /** One record of the file: the line it starts on and its values, as written (not trimmed). */
    public record Line(long number, List<String> values) {

        public Line {
            values = List.copyOf(values);
        }

        public boolean isBlank() {
            return values.stream().allMatch(String::isBlank);
        }

        /** Where this line is, for an error: {@code line 12}. */
        public String place() {
            return "line " + number;
        }
    }

    /** Uploaded bytes as strict UTF-8 (see the class comment); read it with {@link #read}. */
    public static Reader utf8(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    /** Uploaded bytes decoded as strict UTF-8 into text, the byte order mark dropped. */
    public static String text(byte[] bytes) {
        try (Reader reader = utf8(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder(bytes.length);
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0;) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (StrictUtf8Reader.NotUtf8Exception e) {
            throw notUtf8(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that was sent as text (such as a JSON string), the byte order mark dropped. */
    public static Reader of(String text) {
        return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Reads every record, blank lines included (as a record of one empty value), in order. */
    public static void read(Reader reader, Consumer<Line> each) {
        long next = 1;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw refusal(e, next);
                }
                List<String> values = record.toList();
                if (next == 1 && !values.isEmpty() && values.get(0).startsWith("\uFEFF")) {
                    values = new ArrayList<>(values);
                    values.set(0, values.get(0).substring(1));
                }
                each.accept(new Line(next, values));
                // The parser's line number is the last line this record used; the next record starts after it.
                next = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw refusal(e, next);
        }
    }

    public static List<Line> readAll(Reader reader) {
        List<Line> lines = new ArrayList<>();
        read(reader, lines::add);
        return lines;
    }

    private static RuntimeException refusal(Exception e, long line) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof StrictUtf8Reader.NotUtf8Exception)) {
            cause = cause.getCause();
        }
        if (cause instanceof StrictUtf8Reader.NotUtf8Exception notUtf8) {
            return notUtf8(notUtf8);
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String detail = messages.toString();
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return new Refusal(line, "platform.invalid.csv.unclosedQuote");
        }
        if (detail.contains("encapsulated token") || detail.contains("Invalid char")) {
            return new Refusal(line, "platform.invalid.csv.quote");
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        if (e instanceof UncheckedIOException unchecked) {
            return unchecked;
        }
        return new Refusal(line, "platform.invalid.csv.unreadable");
    }

    private static Refusal notUtf8(StrictUtf8Reader.NotUtf8Exception e) {
        return new Refusal(e.line(), "platform.invalid.csv.notUtf8", e.firstByte(), e.nearby());
    }

    /** The refusal of a file with a header and no rows under it, the same for every import. */
    public static InvalidInputException noRows() {
        return InvalidInputException.of("file", "platform.invalid.csv.noRows");
    }

    /** The refusal of a row whose number of fields differs from the header's. */
    public static FieldError fieldCount(Line row, int headerFields) {
        return FieldError.of(null, "platform.invalid.csv.fieldCount", row.values().size(), headerFields);
    }

    /**
     * The names of a header row, each given once: a name that appears twice is refused naming it, since a row would
     * otherwise quietly be read from one of the two columns. Names are trimmed; with {@code ignoreCase}, {@code Offered}
     * and {@code offered} are the same column.
     */
    public record Header(long line, List<String> names, boolean ignoreCase) {

        public Header {
            names = List.copyOf(names);
        }

        public static Header of(Line line, boolean ignoreCase) {
            List<String> names = line.values().stream().map(String::strip).toList();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name.isEmpty()) {
                    continue;
                }
                Integer earlier = seen.putIfAbsent(fold(name, ignoreCase), i);
                if (earlier != null) {
                    throw new Refusal(line.number(), "platform.invalid.csv.duplicateColumn", name, earlier + 1, i + 1);
                }
            }
            return new Header(line.number(), names, ignoreCase);
        }

        private static String fold(String name, boolean ignoreCase) {
            return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
        }

        public Optional<Integer> indexOf(String name) {
            String wanted = fold(name, ignoreCase);
            for (int i = 0; i < names.size(); i++) {
                if (fold(names.get(i), ignoreCase).equals(wanted)) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }

        public boolean has(String name) {
            return indexOf(name).isPresent();
        }

        /** The value of a column in a row, trimmed; null when the header has no such column. */
        public @Nullable String value(Line row, String name) {
            return indexOf(name).filter(i -> i < row.values().size()).map(i -> row.values().get(i).strip()).orElse(null);
        }

        /** The named columns the reader does not know, in the order of the file: they are not read, and a report names them. */
        public List<String> unknown(Collection<String> known) {
            List<String> knownFolded = known.stream().map(k -> fold(k, ignoreCase)).toList();
            return names.stream().filter(n -> !n.isEmpty() && !knownFolded.contains(fold(n, ignoreCase))).toList();
        }

        /** The error of a row with more or fewer fields than this header, or empty when it fits. */
        public Optional<FieldError> misfit(Line row) {
            return row.values().size() == names.size() ? Optional.empty() : Optional.of(fieldCount(row, names.size()));
        }
    }
}
