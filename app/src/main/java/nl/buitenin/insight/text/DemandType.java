package nl.buitenin.insight.text;

/**
 * The nature of a contact after John Seddon: value demand is what the organisation exists to serve; failure demand
 * is caused by a failure to do something, or do it right, for the customer.
 */
public enum DemandType {
    VALUE("value"), FAILURE("failure");

    private final String code;

    DemandType(String code) {
        this.code = code;
    }

    /** The lower-case code used in files and the API: {@code value}, {@code failure}. */
    public String code() {
        return code;
    }
}
