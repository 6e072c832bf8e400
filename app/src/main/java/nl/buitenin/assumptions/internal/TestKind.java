package nl.buitenin.assumptions.internal;

import java.util.Locale;

/** What data tests an assumption. */
public enum TestKind {
    /** A touchpoint's (or the journey's) score: NPS, CSAT, CES or a rating, read response by response. */
    SCORE,
    /** A theme's share of the themes tagged in comments at the touchpoint or journey. */
    THEME,
    /** A share on the journey map, such as failure demand or negative comments. */
    SHARE,
    /** The answers to one question of a survey: the share agreeing (top two of the scale) or the mean. */
    QUESTION,
    /** A pilot's result: the difference pilot minus control, read once the pilot has ended. */
    PILOT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
