package nl.buitenin.privacy;

import java.util.Optional;

/**
 * The people the organisation serves, known to every other module only by their {@link PersonKey}.
 * Contact details and the organisation's own customer id live here alone, encrypted at rest.
 */
public interface Persons {

    /**
     * The pseudonymous key of a customer id: a keyed hash (HMAC-SHA256 under the instance key
     * {@code privacy.person-key}), so the same customer always gets the same key. Stores nothing.
     */
    PersonKey keyFor(String customerId);

    /**
     * Registers a person or updates their contact details; the same customer id always gives the same
     * key, so a repeated call is harmless.
     */
    PersonKey register(String customerId, ContactDetails details);

    /**
     * The contact details, read for a registered purpose; the read is logged.
     *
     * @return empty when the person is not (or no longer) known
     * @throws PurposeRefusedException when the purpose does not allow reading them
     */
    Optional<ContactDetails> contactDetails(PersonKey person, PurposeId purpose);

    /** What the person chose; {@link Preferences#DEFAULT} for an unknown person. */
    Preferences preferences(PersonKey person);

    void setPreferences(PersonKey person, Preferences preferences);

    boolean exists(PersonKey person);
}
