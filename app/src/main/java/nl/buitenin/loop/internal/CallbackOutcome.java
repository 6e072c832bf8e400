package nl.buitenin.loop.internal;

import java.util.Locale;

/** How a call-back went. Only {@link #REACHED} counts as contact with the person. */
public enum CallbackOutcome {
    REACHED, NOT_REACHED, CALL_AGAIN;

    public String messageKey() {
        return "loop.callback." + name().toLowerCase(Locale.ROOT);
    }
}
