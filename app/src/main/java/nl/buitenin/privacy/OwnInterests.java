package nl.buitenin.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The interests a person's offers are based on (a destination, a product), shown on their own page so they can remove one
 * or stop offers altogether. The module that keeps interests implements it (offers does); privacy asks for it through an
 * {@code ObjectProvider}, so the page works without such a module and privacy does not depend on it.
 */
public interface OwnInterests {

    /** The interests that count now, strongest first; empty when the purpose "offers" does not allow using the person's data. */
    List<Interest> of(PersonKey person);

    /** Removes one interest: no offer on that topic follows. False when the person has no such interest. */
    boolean remove(PersonKey person, String topic);

    /** The person stops offers: nothing about their interests is kept (their consent for "offers" is withdrawn by the caller). */
    void forget(PersonKey person);

    /**
     * @param topic   the topic as the organisation's systems named it
     * @param fadesBy when the interest stops counting unless the person shows it again; null when not within years
     */
    record Interest(String topic, @Nullable Instant fadesBy) {
    }
}
