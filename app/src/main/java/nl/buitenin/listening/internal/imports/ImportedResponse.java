package nl.buitenin.listening.internal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.privacy.PersonKey;

/**
 * One row read and checked, ready to be recorded: the tool's response id (the natural key), when it was
 * answered, who answered (null unless a person column is mapped), the answers per question key, and who served the
 * person: the staff reference and team (null unless their columns are mapped and filled).
 */
public record ImportedResponse(long line, String responseId, Instant at, PersonKey person, Map<String, List<String>> answers,
        @Nullable String staff, @Nullable String team) {

    public ImportedResponse {
        answers = Map.copyOf(answers);
    }
}
