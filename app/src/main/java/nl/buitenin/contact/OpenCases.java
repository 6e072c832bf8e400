package nl.buitenin.contact;

import nl.buitenin.privacy.PersonKey;

/**
 * A port of {@link Outreach}: whether a person has an open case (a complaint being handled); then we do
 * not ask them for feedback. Implemented by each module that keeps cases (loop); defined here so that
 * the contact rules need not depend on it. With several implementations, any open case counts.
 */
public interface OpenCases {

    boolean hasOpenCase(PersonKey person);
}
