package nl.buitenin.loop;

import java.util.Objects;
import java.util.UUID;

/**
 * What a theme tag is on: a case, a completed survey response (for its open comment), a note of what staff heard
 * (text insight's notes), or the reason a person gave for a contact (an interaction of journey, keyed by the random id
 * text insight gives a contact when it reads its reason, never by the sending system's source id). For notes and contact
 * reasons loop learns whose text it is from a {@link TaggableTexts} port.
 */
public record TagSubject(Kind kind, UUID id) {

    public enum Kind { CASE, ANSWER, NOTE, CONTACT_REASON }

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

    public static TagSubject contactReason(UUID contact) {
        return new TagSubject(Kind.CONTACT_REASON, contact);
    }
}
