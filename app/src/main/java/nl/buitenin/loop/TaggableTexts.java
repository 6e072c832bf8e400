package nl.buitenin.loop;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.privacy.PersonKey;

/**
 * A port for texts that another module keeps and loop puts theme tags on (text insight's notes): whether a text
 * exists, whose it is and when it was said, so that a tag on it follows the person in the export and erasure
 * without loop reading that module's tables. Implemented by the module that owns the texts, one bean per kind.
 */
public interface TaggableTexts {

    /** Whose text it is ({@code person} null for an anonymous one) and when it was written or heard. */
    record Owner(@Nullable PersonKey person, Instant at) {
    }

    /** The kind of subject this port answers for. */
    TagSubject.Kind kind();

    /** The text's owner; empty for an unknown text. */
    Optional<Owner> owner(UUID id);
}
