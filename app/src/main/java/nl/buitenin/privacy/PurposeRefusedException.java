package nl.buitenin.privacy;

/** A use of personal data that its purpose does not allow; {@link #reason()} says why. */
public class PurposeRefusedException extends RuntimeException {

    /** Why a use was refused. */
    public enum Reason {
        UNKNOWN_PURPOSE,
        RETIRED_PURPOSE,
        NO_PERSONAL_DATA,
        RETENTION_PASSED,
        NO_CONSENT
    }

    private final PurposeId purpose;
    private final Reason reason;

    public PurposeRefusedException(PurposeId purpose, Reason reason, String message) {
        super("refused for purpose '" + purpose + "': " + message);
        this.purpose = purpose;
        this.reason = reason;
    }

    public PurposeId purpose() {
        return purpose;
    }

    public Reason reason() {
        return reason;
    }
}
