package nl.buitenin.listening;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Completed responses in words (question texts, scores, choices), for pages that show what a person answered. */
public interface ResponseDescriptions {

    /** The completed responses among {@code responses}, by id; an unknown or unfinished response is left out. */
    Map<UUID, DescribedResponse> describe(Collection<UUID> responses);
}
