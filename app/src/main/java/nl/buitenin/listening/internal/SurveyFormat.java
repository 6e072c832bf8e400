package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.platform.InvalidInputException;

/**
 * Reads and writes survey files: JSON ({@link SurveyFile}) or plain text with one question per line.
 * A plain-text line is {@code question [| option; option; ...]}; lines starting with {@code #} and
 * blank lines are skipped. Plain text is for checking wording, JSON for import and export.
 */
public final class SurveyFormat {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** One question of a plain-text file, with its line number. */
    public record TextLine(int line, String question, List<String> options) {
    }

    private SurveyFormat() {
    }

    public static boolean looksLikeJson(String content) {
        return content.stripLeading().startsWith("{");
    }

    public static SurveyFile readJson(String content) {
        try {
            return JSON.readValue(content, SurveyFile.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "file" : "line " + e.getLocation().getLineNr();
            throw InvalidInputException.of(where, "listening.invalid.json", String.valueOf(e.getOriginalMessage()));
        }
    }

    public static String writeJson(SurveyFile file) {
        return JSON.writeValueAsString(file);
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static List<TextLine> readText(String content) {
        List<TextLine> lines = new ArrayList<>();
        String[] raw = content.split("\\R");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf('|');
            String question = bar < 0 ? line : line.substring(0, bar).strip();
            List<String> options = bar < 0 ? List.of()
                    : Arrays.stream(line.substring(bar + 1).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (question.isEmpty()) {
                throw InvalidInputException.of("line " + (i + 1), "listening.invalid.optionsWithoutQuestion");
            }
            lines.add(new TextLine(i + 1, question, options));
        }
        return lines;
    }
}
