/**
 * The organisation this instance serves: its name, the word for the people it serves (klant,
 * patiënt, student, burger, reiziger, lid), its default language and time zone.
 */
@ApplicationModule(displayName = "Organisation", allowedDependencies = {
        "platform",
        "access" })
@NullMarked
package nl.buitenin.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
