package nl.buitenin.contact;

import java.time.Instant;

import nl.buitenin.privacy.PersonKey;

/**
 * A port of {@link Outreach}: how strong a person's interest in a topic is at a moment, for the offer rules (no offer on
 * a topic whose interest has faded or was closed). Implemented by the module that keeps interests (offers); defined here
 * so that the contact rules need not depend on it. Without an implementation no interest is known and every offer is
 * refused.
 */
public interface Interests {

    InterestStanding standing(PersonKey person, String topic, Instant at);

    /**
     * @param counts whether the interest is above the organisation's threshold at that moment
     * @param closed whether it was closed ("already bought", or the person removed it)
     */
    record InterestStanding(boolean counts, boolean closed) {

        public static final InterestStanding NONE = new InterestStanding(false, false);
    }
}
