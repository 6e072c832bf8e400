package nl.buitenin.journey;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What still refers to touchpoints, contributed by every module that keeps touchpoint ids (surveys, answers,
 * cases, the contact policy...). The journey module collects all beans of this type and refuses to delete a
 * touchpoint (or a stage or journey holding one) while any of them reports a reference, naming each. The module
 * that owns the data answers, so journey needs to know nothing of the others' tables.
 */
public interface TouchpointReferences {

    /**
     * The references to any of the given touchpoints, each with its count and a text in the reader's language
     * such as "3 surveys target it: X, Y". Nothing (or only zero counts) when nothing refers to them.
     */
    List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale);
}
