/**
 * The organisation this instance serves: its name, the word for the people it serves (klant,
 * patiënt, student, burger, reiziger, lid), its default language and time zone.
 */
@ApplicationModule(displayName = "Organisation", allowedDependencies = {
        "platform",
        "access" })
package nl.buitenin.organisation;

import org.springframework.modulith.ApplicationModule;
