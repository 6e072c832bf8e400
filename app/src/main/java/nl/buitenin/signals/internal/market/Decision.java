package nl.buitenin.signals.internal.market;

import java.util.Locale;

/** What the organisation did with a signal: nothing decided yet, an improvement action, or a decision not to act. */
public enum Decision {
    OPEN, ACTION, NO_ACTION;

    public String messageKey() {
        return "signals.market.decision." + name().toLowerCase(Locale.ROOT);
    }
}
