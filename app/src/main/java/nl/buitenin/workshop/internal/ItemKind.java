package nl.buitenin.workshop.internal;

import java.util.Locale;

/** The four kinds of note on the board; an assumption's text is a statement that can be tested. */
public enum ItemKind {
    PAIN_POINT,
    MOMENT_THAT_MATTERS,
    IDEA,
    ASSUMPTION;

    public String messageKey() {
        return "workshop.kind." + code();
    }

    /** The code in the API and the CSV: pain_point, moment_that_matters, idea, assumption. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A class name for the note's colour on the board. */
    public String css() {
        return "note-" + code().replace('_', '-');
    }
}
