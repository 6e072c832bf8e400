package nl.buitenin.privacy;

import java.util.List;

/**
 * Implemented by the bean of a module that handles {@link PersonErased} (with an
 * {@code @ApplicationModuleListener} method): it declares the tables it clears of the person's key and
 * scrubs of their identifiers, so the contract test can check that no table is forgotten.
 */
public interface PersonalDataErasure {

    /** The tables this handler erases the person from: the key column cleared or its rows deleted, free text scrubbed. */
    List<PersonalDataTable> erases();
}
