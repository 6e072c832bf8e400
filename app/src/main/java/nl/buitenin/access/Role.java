package nl.buitenin.access;

/** What a user does in the organisation; a user may have several roles. */
public enum Role {
    ADMIN,
    ANALYST,
    AGENT,
    PLANNER,
    PRIVACY_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
