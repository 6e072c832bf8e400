/**
 * Journeys (C1): journeys, their stages and touchpoints on channels, and the interactions (contacts,
 * purchases, visits) recorded against touchpoints.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journeys")
package nl.buitenin.journey;
