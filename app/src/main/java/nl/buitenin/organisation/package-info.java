/**
 * The organisation this instance serves: its name, the word for the people it serves (klant,
 * patiënt, student, burger, reiziger, lid), its default language and time zone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package nl.buitenin.organisation;
