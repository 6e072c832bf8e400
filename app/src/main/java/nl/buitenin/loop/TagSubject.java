package nl.buitenin.loop;

import java.util.Objects;
import java.util.UUID;

/** What a theme tag is on: a case, or a completed survey response (for its open comment). */
public record TagSubject(Kind kind, UUID id) {

    public enum Kind { CASE, ANSWER }

    public TagSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static TagSubject of(CaseId caseId) {
        return new TagSubject(Kind.CASE, caseId.value());
    }

    public static TagSubject answer(UUID response) {
        return new TagSubject(Kind.ANSWER, response);
    }
}
