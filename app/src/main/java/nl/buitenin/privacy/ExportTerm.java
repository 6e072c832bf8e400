package nl.buitenin.privacy;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A code in a person's export (a status, a channel, a reason): the code itself in the JSON download, the
 * text of {@code messageKey} in the reader's language on a page, so no code is shown to a person.
 */
public record ExportTerm(String code, String messageKey) {

    public ExportTerm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
    }

    @JsonValue
    public String json() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
