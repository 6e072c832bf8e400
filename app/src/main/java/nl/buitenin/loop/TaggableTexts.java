package nl.buitenin.loop;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * A port for texts that another module keeps and loop puts theme tags on (text insight's notes, contact reasons): whether a text
 * exists, whose it is and when it was said, so that a tag on it follows the person in the export and erasure
 * without loop reading that module's tables. Implemented by the module that owns the texts, one bean per kind.
 */
public interface TaggableTexts {

    /**
     * Whose text it is ({@code person} null for an anonymous one), when it was written or heard, and where
     * ({@code touchpoint}, null when the text is not about one), so that a tag on it counts at its touchpoint.
     */
    record Owner(@Nullable PersonKey person, Instant at, @Nullable TouchpointId touchpoint) {

        /** A text not counted at a touchpoint. */
        public Owner(@Nullable PersonKey person, Instant at) {
            this(person, at, null);
        }
    }

    /** The kind of subject this port answers for. */
    TagSubject.Kind kind();

    /** The text's owner; empty for an unknown text. */
    Optional<Owner> owner(UUID id);
}
