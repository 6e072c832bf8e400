package nl.buitenin.insight.text;

/** A theme suggested for a text, with the model's confidence (0..1) that the text speaks about it. */
public record ThemeSuggestion(String theme, double confidence) {

    public ThemeSuggestion {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie within 0..1, not " + confidence);
        }
    }
}
