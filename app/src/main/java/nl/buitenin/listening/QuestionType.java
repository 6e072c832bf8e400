package nl.buitenin.listening;

/**
 * The kinds of survey question. Scales carry their lowest and highest answer; choice and open
 * questions have none ({@code min == max == 0}).
 */
public enum QuestionType {
    /** Net Promoter Score: how likely to recommend, 0 to 10. */
    NPS(0, 10),
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    CSAT(1, 5),
    /** Customer effort, 1 (very difficult) to 7 (very easy). */
    CES(1, 7),
    RATING_5(1, 5),
    RATING_10(1, 10),
    SINGLE_CHOICE(0, 0),
    MULTIPLE_CHOICE(0, 0),
    /** Free text, such as "what would you like us to do differently?". */
    OPEN_TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean isScale() {
        return max > 0;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public String messageKey() {
        return "listening.type." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
