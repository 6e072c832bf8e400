package nl.buitenin.insight.text;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one contact reads: value or failure demand, the kind of failure, and why, in words a person reads.
 *
 * @param type the demand type
 * @param kind the kind of failure demand; null for value demand
 * @param why  the reason for the reading, in Dutch and English
 */
public record DemandReading(DemandType type, @Nullable FailureKind kind, Why why) {

    public DemandReading {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(why, "why");
        if ((type == DemandType.FAILURE) != (kind != null)) {
            throw new IllegalArgumentException("a failure has a kind, value demand none: " + type + " " + kind);
        }
    }

    /** Whether this is failure demand. */
    public boolean failure() {
        return type == DemandType.FAILURE;
    }

    /**
     * The reason for a reading in both languages, built from the rule that decided it (the cue phrase found, or
     * the earlier contact it repeats).
     */
    public record Why(String nl, String en) {

        public Why {
            Objects.requireNonNull(nl, "nl");
            Objects.requireNonNull(en, "en");
        }

        /** The text in the given language. */
        public String in(Language language) {
            return language == Language.NL ? nl : en;
        }
    }
}
