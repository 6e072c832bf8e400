package nl.buitenin.loop;

import java.time.Instant;
import java.util.List;

import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PersonKey;

/** The bookkeeping of "you said, we did": who should hear about an action, and who did. */
public interface ToldBack {

    /**
     * Everyone whose case or answer carries one of the action's themes and who has not yet been told about it. An
     * automatic tag counts only once confirmed or when its confidence reaches the organisation's threshold.
     */
    List<PersonKey> recipientsOf(ActionId action);

    /** Records that the person was told; false (and nothing changes) when they had been told already. */
    boolean record(ActionId action, PersonKey person, Channel channel, Instant at);
}
