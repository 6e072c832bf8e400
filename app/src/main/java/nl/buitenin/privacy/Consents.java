package nl.buitenin.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Consent per person per purpose, with its full history. */
public interface Consents {

    boolean isGiven(PersonKey person, PurposeId purpose);

    /** As {@link #isGiven} for many people at once: those among them who have given consent for the purpose now. */
    Set<PersonKey> givenAmong(Collection<PersonKey> persons, PurposeId purpose);

    /** Records consent; giving what is already given changes nothing (idempotent). */
    void give(PersonKey person, PurposeId purpose, String channel);

    /** Records a withdrawal; withdrawing what is not given changes nothing. */
    void withdraw(PersonKey person, PurposeId purpose, String channel);

    /** Every change, oldest first. */
    List<ConsentChange> history(PersonKey person);
}
