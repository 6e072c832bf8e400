package nl.buitenin.listening;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;

/**
 * Completed responses and their open comments, for modules that work with what people wrote (tagging
 * comments with themes, text analysis). Reading the text of a known person needs a purpose check first.
 */
public interface Comments {

    /** The latest free-text answers of completed responses, newest first; all touchpoints when {@code touchpoint} is null. */
    List<Comment> latest(@Nullable TouchpointId touchpoint, int limit);

    /** The free-text answers of one completed response (empty when it has none or is not completed). */
    List<Comment> of(UUID response);

    /**
     * The free-text answers of many completed responses at once (one read per thousand responses rather than one per
     * response), per response id; responses without comments are absent. Each read names the months its responses were
     * created in, so on PostgreSQL it looks in those months' partitions only.
     */
    Map<UUID, List<Comment>> of(Collection<ResponseKey> responses);

    /** The response when it is completed; empty for an unknown or unfinished one. */
    Optional<AnsweredResponse> answered(UUID response);
}
