package nl.buitenin.loop;

import java.util.regex.Pattern;

/**
 * The kind of a case; its SLA in working days is kept by this module per organisation.
 * {@link #COMPLAINT} and {@link #DETRACTOR} exist in every instance.
 */
public record CaseType(String code) {

    // Declared before the constants below: they are checked against it while the class initialises.
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** A complaint from any channel: 5 working days unless the organisation changes it. */
    public static final CaseType COMPLAINT = new CaseType("complaint");
    /** A call-back after a low score (an NPS detractor, a low CSAT or CES, a chosen answer): 2 working days unless changed. */
    public static final CaseType DETRACTOR = new CaseType("detractor");

    public CaseType {
        if (code == null || !FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("a case type code is 2 to 40 lower-case letters, digits or dashes: " + code);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
