package nl.buitenin.offers.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.offers.internal.OfferYear;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;

/**
 * Offers without fatigue in the demo, over the last year of its history: a traveller who booked Cuba once is asked about
 * a Cuba offer every week (at most one goes out, then none as the interest fades), a traveller without consent for
 * offers is asked the same and gets none, and a traveller who searches two destinations every week gets surveys and
 * offers within the shared contact budget. Their decisions show on the offers page of the contact policy.
 */
@Component
class OffersDemo implements DemoStep {

    private static final Logger LOG = LoggerFactory.getLogger(OffersDemo.class);
    static final int WEEKS = 52;

    private final Persons persons;
    private final Consents consents;
    private final Journeys journeys;
    private final OfferYear year;

    OffersDemo(Persons persons, Consents consents, Journeys journeys, OfferYear year) {
        this.persons = persons;
        this.consents = consents;
        this.journeys = journeys;
        this.year = year;
    }

    @Override
    public int order() {
        return 460;
    }

    @Override
    public String name() {
        return "offers";
    }

    @Override
    public void load(DemoContext context) {
        TouchpointId touchpoint = journeys.all().stream().flatMap(j -> j.touchpoints().stream()).findFirst().orElseThrow().id();
        // The last request falls before today, the first allowed offer within the purpose's retention of 12 months.
        LocalDate booked = context.today().minusWeeks(WEEKS);
        PersonKey cuba = traveller("demo-cuba-reiziger", "Carmen Vos", true);
        OfferYear.Offers once = year.bookedOnceAndAskedWeekly(cuba, touchpoint, "Cuba", booked, context.zone(), WEEKS);
        PersonKey without = traveller("demo-zonder-aanbiedingen", "Bram Smit", false);
        OfferYear.Offers none = year.bookedOnceAndAskedWeekly(without, touchpoint, "Cuba", booked, context.zone(), WEEKS);
        PersonKey both = traveller("demo-verre-reizen", "Noor de Wit", true);
        OfferYear.Together together = year.surveysAndOffers(both, touchpoint, List.of("Peru", "IJsland"), booked, context.zone(), WEEKS);
        LOG.info("Offers demo: Cuba booked once, {} of {} weekly offers allowed (weeks {}); without consent {} of {}; "
                        + "surveys and offers together: {} offers and {} invitations, at most {} in a week, {} in a month, {} in a quarter",
                once.allowed(), once.asked(), once.allowedWeeks(), none.allowed(), none.asked(), together.offersSent(),
                together.invitationsSent(), together.mostInOneWeek(), together.mostInOneMonth(), together.mostInOneQuarter());
    }

    private PersonKey traveller(String customerId, String name, boolean offers) {
        PersonKey person = persons.register(customerId, new ContactDetails(name, customerId + "@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "demo");
        if (offers) {
            consents.give(person, PurposeId.OFFERS, "demo");
        }
        return person;
    }
}
