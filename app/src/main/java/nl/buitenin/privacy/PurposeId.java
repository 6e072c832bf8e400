package nl.buitenin.privacy;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A registered purpose of processing (GDPR art. 30, "verwerking"), such as {@code feedback}. Every read
 * of contact details or free text names one.
 */
public record PurposeId(@JsonValue String value) {

    // Declared before the constants below: they are built with it during class initialisation.
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    /** Asking a person for feedback about a contact they had. */
    public static final PurposeId FEEDBACK = new PurposeId("feedback");
    /** Handling a complaint and calling back. */
    public static final PurposeId COMPLAINT_HANDLING = new PurposeId("complaint-handling");
    /** Improving the service from what people said, including telling them what changed. */
    public static final PurposeId SERVICE_IMPROVEMENT = new PurposeId("service-improvement");
    /** Staffing from anonymous contact counts; needs no personal data at all. */
    public static final PurposeId STAFFING = new PurposeId("staffing");
    /** Offers and marketing; only with consent. */
    public static final PurposeId OFFERS = new PurposeId("offers");
    /**
     * The quality of service per staff member: reading the pseudonymous staff references of interactions and responses per
     * person (grouping scores by who served). Staff are people too; in the Netherlands this needs the works council's
     * consent (WOR art. 27).
     */
    public static final PurposeId SERVICE_QUALITY_STAFF = new PurposeId("service-quality-staff");

    public PurposeId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a purpose id is 2 to 64 lower-case letters, digits or dashes: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
