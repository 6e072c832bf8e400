package nl.buitenin.signals.internal.listenin;

import java.util.Locale;

/** What a manager did with customers: a day along with the front line, listening in on calls, or a customer visit. */
public enum ListenInKind {
    SHADOW_DAY,
    LISTENING_IN,
    CUSTOMER_VISIT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "signals.listenIn.kind." + code();
    }
}
