package nl.buitenin.signals.internal.market;

import java.util.Locale;

/** What kind of change outside a signal is about. */
public enum SignalKind {
    NEW_COMPETITOR, NEW_TECHNIQUE, REGULATION, DEMAND_SHIFT, OTHER;

    public String messageKey() {
        return "signals.market.kind." + name().toLowerCase(Locale.ROOT);
    }
}
