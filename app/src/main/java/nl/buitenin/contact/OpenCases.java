package nl.buitenin.contact;

import nl.buitenin.privacy.PersonKey;

/**
 * Whether a person has an open case (a complaint being handled): then we do not ask them for
 * feedback. Implemented by the module that keeps cases; defined here so that the contact rules need
 * not depend on it.
 */
public interface OpenCases {

    boolean hasOpenCase(PersonKey person);
}
