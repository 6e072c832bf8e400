package nl.buitenin.loop;

import java.util.Objects;
import java.util.UUID;

/**
 * What a theme tag is on: a case, a completed survey response (for its open comment), or a note of what staff heard
 * (text insight's notes; loop learns whose note it is from a {@link TaggableTexts} port).
 */
public record TagSubject(Kind kind, UUID id) {

    public enum Kind { CASE, ANSWER, NOTE }

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

    public static TagSubject note(UUID note) {
        return new TagSubject(Kind.NOTE, note);
    }
}
