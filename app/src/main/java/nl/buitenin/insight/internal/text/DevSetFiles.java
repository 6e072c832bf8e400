package nl.buitenin.insight.internal.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.buitenin.insight.text.Language;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;

/**
 * Reads the files of a development-set folder (see its README) with the shared strict CSV reader, for the
 * evaluations of sentiment, themes and failure demand. A file that cannot be read is refused naming it and the line.
 */
final class DevSetFiles {

    /** A comment with both labelling passes' value of one column and whether it belongs to the held-out split. */
    record Labelled(String id, Language language, String text, boolean test, String a, String b) {
    }

    private DevSetFiles() {
    }

    /** The rows of a file, each by column name (values as the shared reader gives them), in file order. */
    static List<Map<String, String>> rows(Path file) {
        try (Reader reader = CsvInput.utf8(Files.newInputStream(file))) {
            List<CsvInput.Line> lines = CsvInput.readAll(reader);
            CsvInput.Header header = CsvInput.Header.of(lines.get(0), false);
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvInput.Line line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String name : header.names()) {
                        values.put(name, header.value(line, name));
                    }
                    rows.add(values);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** id → the row, in file order. */
    static Map<String, Map<String, String>> byId(Path file) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        rows(file).forEach(row -> rows.put(row.get("id"), row));
        return rows;
    }

    /** id → the value of one column, in file order. */
    static Map<String, String> column(Path file, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        rows(file).forEach(row -> values.put(row.get("id"), row.get(name)));
        return values;
    }

    /**
     * Every comment of both languages with the value both labelling passes gave in {@code labelColumn}; refused when a
     * comment lacks a split or a label.
     */
    static List<Labelled> comments(Path dir, String labelColumn) {
        Map<String, String> split = column(dir.resolve("split.csv"), "split");
        List<Labelled> items = new ArrayList<>();
        for (Language language : Language.values()) {
            String file = "comments-" + language.code() + ".csv";
            Map<String, String> texts = column(dir.resolve(file), "text");
            Map<String, String> a = column(dir.resolve("labels-a").resolve(file), labelColumn);
            Map<String, String> b = column(dir.resolve("labels-b").resolve(file), labelColumn);
            texts.forEach((id, text) -> {
                String where = split.get(id);
                if (where == null || !a.containsKey(id) || !b.containsKey(id)) {
                    throw new IllegalStateException(id + " lacks a split or a label in " + dir);
                }
                items.add(new Labelled(id, language, text, where.equals("test"), a.get(id), b.get(id)));
            });
        }
        return items;
    }
}
