package nl.buitenin.textinsight;

import java.util.Locale;

/** How staff heard what they recorded in a note. */
public enum NoteKind {
    FOCUS_GROUP, PHONE_CALL, AT_THE_DOOR, VISIT, OTHER;

    /** The key of the kind's name in the reader's language. */
    public String messageKey() {
        return "textinsight.note.kind." + name().toLowerCase(Locale.ROOT);
    }
}
