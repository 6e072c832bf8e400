package nl.buitenin.loop;

import java.util.List;
import java.util.UUID;

import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;

/**
 * Tags a case with a theme of the organisation's taxonomy. Agents tag by hand; an automatic suggester (for
 * instance insight's text analysis) calls {@link #suggest} with its confidence, so its tags stay recognisable
 * and can be reviewed: an analyst confirms a suggestion or rejects it (the tag goes, the rejection is
 * remembered, so the suggester does not put it back and can learn from it). Answers (a completed response, for
 * its open comment) are tagged the same way, so that the people who raised a theme in a survey are told back
 * too. Tagging twice is a no-op.
 * <p>
 * "You said, we did" reaches a person through a tag made by a person (USER, DESK), a confirmed suggestion, or a
 * suggestion whose confidence is at least the organisation's threshold (loop settings, default 0.8).
 */
public interface ThemeTagging {

    /** Who or what put a tag on a case. */
    enum Tagger { USER, SUGGESTER, DESK }

    /**
     * True when the tag is new; refused (NotFoundException) for an unknown theme. A person's tag (USER, DESK) on a
     * theme that was only suggested confirms the suggestion, and forgets an earlier rejection of it. SUGGESTER
     * through this method is a suggestion without a confidence: it is told back only once confirmed.
     */
    boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind);

    /**
     * Tags a completed survey response (its open comment) with a theme. True when the tag is new; refused
     * (NotFoundException) for an unknown theme or a response that is unknown or not completed.
     */
    boolean tagAnswer(UUID response, ThemeId theme, String taggedBy, Tagger kind);

    /**
     * An automatic suggestion with the suggester's confidence (0..1, refused otherwise naming {@code confidence}).
     * True when the suggestion is new; false, changing nothing, when the theme was tagged by a person, confirmed or
     * rejected already; an unreviewed suggestion gets the new confidence. Refused (NotFoundException) for an unknown
     * theme, case or response (a response must be completed).
     */
    boolean suggest(TagSubject subject, ThemeId theme, String suggestedBy, double confidence);

    /**
     * An analyst accepts a suggestion: it becomes a confirmed tag. True when it changed; false for a tag that was
     * confirmed already or made by a person. Refused (NotFoundException) when there is no such tag.
     */
    boolean confirm(TagSubject subject, ThemeId theme, String confirmedBy);

    /**
     * An analyst rejects a tag: it is removed and the rejection remembered (with the suggester's confidence), so
     * that {@link #suggest} does not put it back. True when it changed; false when it was rejected already.
     * Refused (NotFoundException) when there is neither such a tag nor a rejection of it.
     */
    boolean reject(TagSubject subject, ThemeId theme, String rejectedBy);

    /** The tags of one case or answer and the rejections on it, by theme. */
    List<ThemeTag> tagsOf(TagSubject subject);

    /**
     * Every tag and rejection on cases and answers, for learning: ordered by subject and theme, so that paging
     * through a table that does not change meanwhile sees each once.
     */
    PageResult<ThemeTag> allTags(PageRequest page);
}
