package nl.buitenin.privacy;

import java.util.Locale;

/** A purpose's name as the processing register has it, in the reader's language, for a page that says what data is held for. */
public interface PurposeNames {

    /** The name in the reader's language; the id itself when the purpose is not registered. */
    String name(PurposeId purpose, Locale locale);
}
