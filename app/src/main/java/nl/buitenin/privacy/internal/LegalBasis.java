package nl.buitenin.privacy.internal;

/** The lawful bases of GDPR art. 6(1) that a customer-experience platform uses. */
public enum LegalBasis {
    CONSENT,
    CONTRACT,
    LEGITIMATE_INTEREST,
    LEGAL_OBLIGATION;

    public String messageKey() {
        return "privacy.basis." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
