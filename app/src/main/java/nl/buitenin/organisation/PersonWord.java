package nl.buitenin.organisation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the organisation calls the people it serves; a person giving feedback is not "a customer
 * of" everybody. Every text that speaks of them uses this word.
 */
public enum PersonWord {
    CUSTOMER("klant", "klanten", "customer", "customers"),
    PATIENT("patiënt", "patiënten", "patient", "patients"),
    STUDENT("student", "studenten", "student", "students"),
    CITIZEN("burger", "burgers", "citizen", "citizens"),
    TRAVELLER("reiziger", "reizigers", "traveller", "travellers"),
    MEMBER("lid", "leden", "member", "members"),
    GUEST("gast", "gasten", "guest", "guests");

    private final String dutchSingular;
    private final String dutchPlural;
    private final String englishSingular;
    private final String englishPlural;

    PersonWord(String dutchSingular, String dutchPlural, String englishSingular, String englishPlural) {
        this.dutchSingular = dutchSingular;
        this.dutchPlural = dutchPlural;
        this.englishSingular = englishSingular;
        this.englishPlural = englishPlural;
    }

    public String singular(Locale locale) {
        return dutch(locale) ? dutchSingular : englishSingular;
    }

    public String plural(Locale locale) {
        return dutch(locale) ? dutchPlural : englishPlural;
    }

    private static boolean dutch(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals("nl");
    }
}
