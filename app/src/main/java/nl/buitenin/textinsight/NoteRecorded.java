package nl.buitenin.textinsight;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * Staff recorded what they heard as a note: feedback like a comment, counted on its touchpoint. Holds no text
 * (the text is personal data and stays in this module).
 *
 * @param person who it was about; null when nobody in particular
 */
public record NoteRecorded(UUID note, NoteKind kind, TouchpointId touchpoint, @Nullable PersonKey person, Instant heardAt) {
}
