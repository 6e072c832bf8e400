package nl.buitenin.insight.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of failure demand, in the order of precedence of the labelling guide: a contact that fits several is
 * read as the first that applies.
 */
public enum FailureKind {
    /** The same unresolved matter again: the person contacted about it before, or says so. */
    REPEATING("repeating"),
    /** Asks to put right what the organisation did wrong (a wrong date, a double charge). */
    CORRECTING("correcting"),
    /** Asks where something is that should already have come or happened (a confirmation, a refund, a call-back). */
    CHASING("chasing"),
    /** Asks to explain what the organisation's own information should have made clear. */
    NOT_UNDERSTANDING("not-understanding"),
    /** Reports a failure in the service itself. */
    COMPLAINT("complaint");

    private final String code;

    FailureKind(String code) {
        this.code = code;
    }

    /** The lower-case code used in files and the API, such as {@code not-understanding}. */
    public String code() {
        return code;
    }

    /** The kind with this code, in any case; empty for any other value. */
    public static Optional<FailureKind> of(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (FailureKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
