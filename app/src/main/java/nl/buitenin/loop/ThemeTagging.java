package nl.buitenin.loop;

import java.util.UUID;

/**
 * Tags a case with a theme of the organisation's taxonomy. Agents tag by hand; an automatic suggester (for
 * instance insight's text analysis) calls this with {@link Tagger#SUGGESTER}, so its tags stay recognisable
 * and can be reviewed. Answers (a completed response, for its open comment) are tagged the same way, so
 * that the people who raised a theme in a survey are told back too. Tagging twice is a no-op.
 */
public interface ThemeTagging {

    /** Who or what put a tag on a case. */
    enum Tagger { USER, SUGGESTER, DESK }

    /** True when the tag is new; refused (NotFoundException) for an unknown theme. */
    boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind);

    /**
     * Tags a completed survey response (its open comment) with a theme. True when the tag is new; refused
     * (NotFoundException) for an unknown theme or a response that is unknown or not completed.
     */
    boolean tagAnswer(UUID response, ThemeId theme, String taggedBy, Tagger kind);
}
