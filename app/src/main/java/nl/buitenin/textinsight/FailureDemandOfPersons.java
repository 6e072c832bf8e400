package nl.buitenin.textinsight;

import java.time.Instant;
import java.util.List;

import nl.buitenin.privacy.PersonKey;

/**
 * The contacts of known persons whose reason was read, each with whether it was failure demand, counted as on the
 * failure-demand page; for the share of failure demand per group of people (customer groups). No reason text.
 */
public interface FailureDemandOfPersons {

    record Contact(PersonKey person, Instant at, boolean failure) {
    }

    /**
     * The read contacts of known persons from {@code since} (included) to {@code until} (excluded), oldest first.
     * Personal data: the caller reads them under a purpose it has checked.
     */
    List<Contact> between(Instant since, Instant until);
}
