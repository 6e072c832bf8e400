package nl.buitenin.loop;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.TextSentiment;

/**
 * The sentiment of the texts loop's pages show: the comments page and the case page ask it, and an analyst's
 * correction goes through it. The module that analyses texts implements it (text insight, which depends on loop),
 * so loop shows sentiment without depending on that module. Reads counts and labels only, never a text.
 */
public interface TextSentiments {

    /** The sentiment of each subject that was analysed; subjects not (yet) analysed are absent. */
    Map<TagSubject, TextSentiment> of(Collection<TagSubject> subjects);

    /** Records an analyst's label for the subject's text; false when the text was never analysed. */
    boolean correct(TagSubject subject, TextSentiment.Label label, String by);

    /**
     * The completed responses whose comments read with this label (an analyst's correction counts), newest first, of
     * one touchpoint or all when {@code touchpoint} is null.
     */
    List<UUID> answersLabelled(TextSentiment.Label label, @Nullable TouchpointId touchpoint, int limit);
}
