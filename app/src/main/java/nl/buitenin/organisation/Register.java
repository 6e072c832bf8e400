package nl.buitenin.organisation;

/**
 * How the organisation addresses the people it serves in Dutch: formally ("u", "uw") or informally ("je", "jij",
 * "jouw"). Chosen once in the organisation's settings; every text a person reads follows it, so a page never says
 * "u" above "jij". English has one form; its texts are the same in both registers.
 */
public enum Register {
    FORMAL(""),
    INFORMAL(".je");

    private final String suffix;

    Register(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The message key of a text a person reads, in this register: the informal text of {@code answer.lead} is
     * {@code answer.lead.je}, defined next to it in both languages.
     */
    public String key(String formalKey) {
        return formalKey + suffix;
    }

    public static Register of(String name) {
        return name == null || name.isBlank() ? FORMAL : valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
