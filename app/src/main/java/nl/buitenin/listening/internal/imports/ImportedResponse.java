package nl.buitenin.listening.internal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.buitenin.privacy.PersonKey;

/**
 * One row read and checked, ready to be recorded: the tool's response id (the natural key), when it was
 * answered, who answered (null unless a person column is mapped) and the answers per question key.
 */
public record ImportedResponse(long line, String responseId, Instant at, PersonKey person, Map<String, List<String>> answers) {

    public ImportedResponse {
        answers = Map.copyOf(answers);
    }
}
