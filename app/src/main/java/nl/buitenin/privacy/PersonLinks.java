package nl.buitenin.privacy;

import java.net.URI;

/**
 * Signed, expiring links to a person's own page, where they see what is held about them, change
 * consents and preferences, download everything and can ask to be forgotten. Put one in every
 * invitation and message.
 */
public interface PersonLinks {

    URI linkFor(PersonKey person);
}
