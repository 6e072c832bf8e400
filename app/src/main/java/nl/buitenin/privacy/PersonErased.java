package nl.buitenin.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A person has been forgotten (GDPR art. 17). Every module that holds anything about the person
 * handles this event: it removes the key from its rows (or the rows themselves) and scrubs the listed
 * identifiers (name, e-mail address, phone number, customer id) from free text it holds. Anonymous counts and
 * histograms stay.
 *
 * @param person      the key that is being forgotten
 * @param identifiers what identified the person, to be scrubbed from free text (never stored by the handler)
 * @param at          when the erasure was asked for
 */
public record PersonErased(PersonKey person, List<String> identifiers, Instant at) {

    public PersonErased {
        identifiers = List.copyOf(identifiers);
    }
}
