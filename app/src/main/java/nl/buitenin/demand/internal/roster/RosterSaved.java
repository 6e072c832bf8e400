package nl.buitenin.demand.internal.roster;

/**
 * What storing roster entries did (serializable: the roster page hands it on as a flash attribute in the shared session).
 *
 * @param inserted  intervals that were not on the roster yet
 * @param replaced  intervals whose count the new one replaced
 * @param unchanged intervals sent again with the count they already had (so sending the same rows twice changes nothing)
 * @param removed   intervals taken off the roster (a cell emptied on the roster page)
 */
public record RosterSaved(int inserted, int replaced, int unchanged, int removed) implements java.io.Serializable {
}
