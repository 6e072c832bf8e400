package nl.buitenin.contact;

/**
 * What the contact rules need to know about a person before telling them what was done with what they
 * raised, gathered by {@link Outreach} from {@code privacy}.
 *
 * @param known         the person is still known (not erased)
 * @param consentGiven  the person's latest word on feedback and service improvement is not "no"
 * @param doNotContact  the person chose not to be contacted on any channel
 */
public record ToldBackFacts(boolean known, boolean consentGiven, boolean doNotContact) {
}
