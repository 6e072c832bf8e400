/**
 * Journeys (C1): journeys, their stages and touchpoints on channels, and the interactions (contacts,
 * purchases, visits) recorded against touchpoints.
 */
@ApplicationModule(displayName = "Journeys", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy" })
@NullMarked
package nl.buitenin.journey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
