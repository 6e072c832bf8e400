package nl.buitenin.loop;

import java.time.Instant;
import java.util.List;

import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PersonKey;

/** The bookkeeping of "you said, we did": who should hear about an action, and who did. */
public interface ToldBack {

    /** Everyone whose case carries one of the action's themes and who has not yet been told about it. */
    List<PersonKey> recipientsOf(ActionId action);

    /** Records that the person was told; false (and nothing changes) when they had been told already. */
    boolean record(ActionId action, PersonKey person, Channel channel, Instant at);
}
