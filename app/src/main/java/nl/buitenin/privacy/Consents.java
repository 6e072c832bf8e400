package nl.buitenin.privacy;

import java.util.List;

/** Consent per person per purpose, with its full history. */
public interface Consents {

    boolean isGiven(PersonKey person, PurposeId purpose);

    /** Records consent; giving what is already given changes nothing (idempotent). */
    void give(PersonKey person, PurposeId purpose, String channel);

    /** Records a withdrawal; withdrawing what is not given changes nothing. */
    void withdraw(PersonKey person, PurposeId purpose, String channel);

    /** Every change, oldest first. */
    List<ConsentChange> history(PersonKey person);
}
