package nl.buitenin.groups;

import java.util.Locale;

/** How a group gets its members. */
public enum GroupKind {
    /** By a rule over the person's attributes, evaluated again whenever they change. */
    RULE,
    /** The person chose it ("bij welke groep wilt u horen?"). */
    CHOSEN,
    /** Found in the data (a segment an analyst adopted). */
    FOUND;

    public String messageKey() {
        return "groups.kind." + name().toLowerCase(Locale.ROOT);
    }
}
