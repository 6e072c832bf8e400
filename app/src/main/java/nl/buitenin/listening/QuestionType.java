package nl.buitenin.listening;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.ScoreScale;

/**
 * The kinds of survey question. A scale question's answers are counted on its {@link ScoreScale} (which
 * carries the lowest and highest answer); choice and open questions have no scale ({@code min == max == 0}).
 */
public enum QuestionType {
    /** Net Promoter Score: how likely to recommend, 0 to 10. */
    NPS(ScoreScale.NPS),
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(ScoreScale.CSAT),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(ScoreScale.CES),
    RATING_5(ScoreScale.RATING_5),
    RATING_10(ScoreScale.RATING_10),
    SINGLE_CHOICE(null),
    MULTIPLE_CHOICE(null),
    /** Free text, such as "what would you like us to do differently?". */
    OPEN_TEXT(null);

    private final @Nullable ScoreScale scale;

    QuestionType(@Nullable ScoreScale scale) {
        this.scale = scale;
    }

    /** The scale the answers are counted on; only for scale questions. */
    public ScoreScale scale() {
        if (scale == null) {
            throw new IllegalStateException(name() + " is not a scale question");
        }
        return scale;
    }

    public int min() {
        return scale == null ? 0 : scale.min();
    }

    public int max() {
        return scale == null ? 0 : scale.max();
    }

    public boolean isScale() {
        return scale != null;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public String messageKey() {
        return "listening.type." + name().toLowerCase(Locale.ROOT);
    }
}
