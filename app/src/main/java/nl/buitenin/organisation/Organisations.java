package nl.buitenin.organisation;

/** Reads and changes the organisation's settings. */
public interface Organisations {

    Organisation current();

    Organisation update(Organisation changed);
}
