package nl.buitenin.loop.internal;

import java.util.Locale;

/** An improvement action goes planned → in progress → done. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE;

    public String messageKey() {
        return "loop.action.status." + name().toLowerCase(Locale.ROOT);
    }
}
