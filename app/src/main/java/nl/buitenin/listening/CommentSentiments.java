package nl.buitenin.listening;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The sentiment read in the comments of completed responses, for listening's pages that list comments (the journey
 * map's latest comments of a touchpoint). The module that analyses texts implements it (text insight, which depends on
 * listening), so listening shows sentiment without depending on that module. Labels and scores only, no text.
 */
public interface CommentSentiments {

    /** The sentiment of each response whose comments were analysed; responses not (yet) analysed are absent. */
    Map<UUID, TextSentiment> ofAnswers(Collection<UUID> responses);
}
