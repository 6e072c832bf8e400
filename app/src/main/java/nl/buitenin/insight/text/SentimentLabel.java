package nl.buitenin.insight.text;

/** The three classes of sentiment. */
public enum SentimentLabel {
    NEGATIVE("negative"), NEUTRAL("neutral"), POSITIVE("positive");

    private final String code;

    SentimentLabel(String code) {
        this.code = code;
    }

    /** The lower-case code used in files and the API: {@code negative}, {@code neutral}, {@code positive}. */
    public String code() {
        return code;
    }
}
