/**
 * The journey workshop (issue 21, seed 003): a facilitator opens a workshop on a journey, staff of several departments
 * join from their phones with a short code and put pain points, moments that matter, ideas and assumptions on the
 * journey's stages and touchpoints; the board updates for everyone within seconds, the facilitator groups the notes and
 * runs a dot vote, and the result is saved and printable. Assumption notes are announced with {@link AssumptionNoted},
 * so that a module that tests assumptions can take them over.
 */
@ApplicationModule(displayName = "Journey workshop", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "assumptions" })
@NullMarked
package nl.buitenin.workshop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
