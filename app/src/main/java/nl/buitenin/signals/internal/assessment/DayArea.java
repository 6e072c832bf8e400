package nl.buitenin.signals.internal.assessment;

import java.util.Locale;

/**
 * What the statements measure: George S. Day's four outward capabilities of a market-driven organisation, and the
 * conditions that let the organisation turn what it senses outside into changes inside.
 */
public enum DayArea {
    /** Market sensing: hearing early what customers and competitors do. */
    SENSING,
    /** Customer linking: knowing and keeping customers, telling them back. */
    LINKING,
    /** Channel bonding: working with partners and intermediaries for the customer. */
    CHANNEL,
    /** Technology monitoring: following and trying techniques that could serve customers. */
    TECHNOLOGY,
    /** The conditions: leaders who invest, key people who see the stakes, goals everyone knows, rewards, shared successes. */
    CONDITIONS;

    public String messageKey() {
        return "assessment.area." + name().toLowerCase(Locale.ROOT);
    }
}
