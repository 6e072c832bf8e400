package nl.buitenin.journey.demo;

import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Contact reasons for the demo's contacts, as Buitenpad's agents and web forms log them: at the question
 * touchpoints (chat, phone, brochure) mostly value demand with a good share of failure demand, at the complaint
 * touchpoints failure demand. A failure may come back: its follow-ups are what the same person says when they
 * contact again about the same matter.
 */
final class DemoReasons {

    /** A matter a person contacts about, with what they say when they come back about it (none: settled at once). */
    record Matter(String reason, String code, List<String> followUps) {

        boolean canRepeat() {
            return !followUps.isEmpty();
        }
    }

    private static Matter value(String reason, String code) {
        return new Matter(reason, code, List.of());
    }

    private static Matter failure(String reason, String code, String... followUps) {
        return new Matter(reason, code, List.of(followUps));
    }

    static final List<Matter> QUESTIONS_VALUE = List.of(
            value("Wil wandelreis Zuid-Limburg boeken voor twee personen in mei", "boeken"),
            value("Vraagt welke reizen er in het najaar zijn", "aanbod"),
            value("Wil een extra nacht in Maastricht voor vertrek", "wijzigen"),
            value("Wil dieetwensen doorgeven: vegetarisch, reis over drie maanden", "dieet"),
            value("Koopt een cadeaubon van 50 euro", "cadeaubon"),
            value("Vraagt of de hond mee mag op de Veluwetocht", "aanbod"),
            value("Welke kleding meenemen voor een reis in april", "voorbereiding"),
            value("Vraagt naar de treinverbinding naar het startpunt", "reizen"),
            value("Wil reis omzetten naar volgend jaar wegens verbouwing", "wijzigen"),
            value("Wil annuleren wegens ziekte, heeft annuleringsverzekering", "annuleren"),
            value("Compliment over de gids van de Drenthe-tocht", "feedback"),
            value("Vraagt of er nog plek is op de Veluwetocht in juni", "boeken"),
            value("Wil een eenpersoonskamer in plaats van delen", "wijzigen"),
            value("Vraagt om een factuur op naam van de werkgever", "factuur"),
            value("Wil zich afmelden voor de nieuwsbrief", "gegevens"),
            value("Wil een wandelmaatje toevoegen aan de boeking", "wijzigen"),
            value("Vraagt of e-bikes te huur zijn voor de partner", "aanbod"));

    static final List<Matter> QUESTIONS_FAILURE = List.of(
            failure("Waar blijft mijn boekingsbevestiging? Vorige week geboekt", "bevestiging",
                    "Belt opnieuw: nog steeds geen boekingsbevestiging ontvangen",
                    "Voor de derde keer over de ontbrekende boekingsbevestiging"),
            failure("Reisbescheiden nog niet ontvangen, vertrek over tien dagen", "reisbescheiden",
                    "Tweede keer: reisbescheiden nog steeds niet binnen, vertrek komt dichtbij"),
            failure("Betalingsherinnering ontvangen terwijl al betaald", "betaling",
                    "Belt opnieuw over de onterechte betalingsherinnering, kosten niet teruggedraaid"),
            failure("Factuur staat op verkeerde naam", "factuur",
                    "Factuur nog steeds op verkeerde naam, tweede verzoek"),
            failure("Snapt de routebeschrijving van dag 3 niet, welke afslag bij de molen", "route"),
            failure("Onduidelijk of de lunch inbegrepen is, staat niet duidelijk op de site", "inbegrepen"),
            failure("Wat betekent 'onder voorbehoud' op de bevestiging?", "bevestiging"),
            failure("Vraagt of dieetwens is doorgegeven aan de hotels", "dieet",
                    "Nogmaals: is de dieetwens doorgegeven aan de hotels, nog geen bevestiging"),
            failure("Route-app crasht bij openen, routes verdwenen", "app",
                    "App crasht nog steeds na herinstallatie, belt opnieuw"),
            failure("Medewerker beloofde terug te bellen, dat is niet gebeurd", "terugbellen",
                    "Wacht nog steeds op het beloofde terugbelgesprek, derde keer"),
            failure("Dubbele afschrijving van de reissom", "betaling",
                    "Belt opnieuw over dubbele afschrijving, nog niets terugbetaald"),
            failure("Welk tempo heeft de begeleide reis? Staat niet op de site", "inbegrepen"));

    static final List<Matter> COMPLAINTS = List.of(
            failure("Klacht over onvriendelijke gids op dag 2", "gids",
                    "Wil weten wat er met de klacht over de gids is gedaan"),
            failure("Hotelkamer was vies, klacht over hotel in Epen", "accommodatie",
                    "Standaardantwoord op klacht over het hotel ontvangen, is het er niet mee eens"),
            failure("Lunchpakket was niet vegetarisch ondanks doorgegeven dieet", "dieet"),
            failure("Bagage niet aangekomen in het hotel in Valkenburg", "bagage",
                    "Vraagt opnieuw waar de bagage is, nog steeds niet terecht"),
            failure("Klacht over lange wachttijd aan de telefoon", "wachttijd"),
            failure("Routebeschrijving klopte niet, een uur verdwaald op dag 2", "route"),
            failure("Reis geannuleerd door de organisatie, wil weten wat nu", "annuleren",
                    "Nog geen reactie op de annulering door de organisatie, belt opnieuw"));

    static final List<Matter> BROCHURE = List.of(
            value("Vraagt de brochure met najaarsreizen aan", "brochure"),
            value("Wil de brochure Wandelen in de Ardennen per post", "brochure"),
            value("Vraagt brochure aan voor een groepsreis met de vereniging", "brochure"));

    private DemoReasons() {
    }

    /**
     * The matter of a contact at the touchpoint, or null where people do not leave a reason (the website, a booking,
     * a trip). At the question touchpoints about one contact in three is failure demand.
     */
    static @Nullable Matter pick(String touchpointNl, Random random) {
        return switch (touchpointNl) {
            case "Vragen via de chat", "Vragen per telefoon", "Nazorg", "Terugbelgesprek" ->
                    random.nextDouble() < 0.35 ? one(QUESTIONS_FAILURE, random) : one(QUESTIONS_VALUE, random);
            case "Klacht", "Klacht per e-mail", "Klacht per telefoon" -> one(COMPLAINTS, random);
            case "Brochure-aanvraag" -> one(BROCHURE, random);
            default -> null;
        };
    }

    private static Matter one(List<Matter> matters, Random random) {
        return matters.get(random.nextInt(matters.size()));
    }
}
