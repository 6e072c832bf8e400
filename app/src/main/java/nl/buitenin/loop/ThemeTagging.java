package nl.buitenin.loop;

/**
 * Tags a case with a theme of the organisation's taxonomy. Agents tag by hand; an automatic suggester (for
 * instance insight's text analysis) calls this with {@link Tagger#SUGGESTER}, so its tags stay recognisable
 * and can be reviewed. Tagging twice is a no-op.
 */
public interface ThemeTagging {

    /** Who or what put a tag on a case. */
    enum Tagger { USER, SUGGESTER, DESK }

    /** True when the tag is new; refused (NotFoundException) for an unknown theme. */
    boolean tag(CaseId caseId, ThemeId theme, String taggedBy, Tagger kind);
}
