package nl.buitenin.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.contact.internal.OfferPolicies;
import nl.buitenin.contact.internal.OfferPolicy;
import nl.buitenin.contact.internal.OfferPolicyFile;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.offers.internal.OfferYear;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * The demo's year of weekly offer requests (issue 19's "done when"), under the sensible default policy: one Cuba booking
 * gives at most one offer and then none as the interest fades; without consent for offers none; surveys and offers
 * together stay within the shared budget (3 a week, 6 a month, 12 a quarter; offers 1 a week).
 */
@DatabaseTest
class OfferYearTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    OfferYear year;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    OfferPolicies offerPolicies;

    TouchpointId touchpoint;

    @BeforeEach
    void theSensibleDefaults() {
        touchpoint = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Reizen"), Unique.name("Travel"))),
                new Names("Boeken", "Book")), new Names("Website", "Website"), Channel.WEB, null);
        policy.change(PolicyFile.of(Policy.sensibleDefault(AMSTERDAM)));
        offerPolicies.change(OfferPolicyFile.of(OfferPolicy.sensibleDefault()));
    }

    PersonKey traveller(boolean offers) {
        PersonKey person = persons.register("reiziger-" + UUID.randomUUID(), new ContactDetails("Carmen", "carmen@voorbeeld.nl", null));
        consents.give(person, PurposeId.FEEDBACK, "test");
        if (offers) {
            consents.give(person, PurposeId.OFFERS, "test");
        }
        return person;
    }

    @Test
    void oneCubaBookingGivesOneOfferInTheFirstWeekAndNoneAfterwards() {
        OfferYear.Offers cuba = year.bookedOnceAndAskedWeekly(traveller(true), touchpoint, "Cuba", LocalDate.of(2013, 3, 7), AMSTERDAM, 52);
        assertThat(cuba.asked()).isEqualTo(52);
        assertThat(cuba.allowed()).isEqualTo(1);
        assertThat(cuba.allowedWeeks()).containsExactly(0);
    }

    @Test
    void withoutConsentForOffersNoOfferAtAll() {
        OfferYear.Offers none = year.bookedOnceAndAskedWeekly(traveller(false), touchpoint, "Cuba", LocalDate.of(2013, 3, 7), AMSTERDAM, 52);
        assertThat(none.allowed()).isZero();
    }

    @Test
    void surveysAndOffersTogetherStayWithinTheBudget() {
        OfferYear.Together both = year.surveysAndOffers(traveller(true), touchpoint, List.of("Peru", "IJsland"), LocalDate.of(2014, 1, 6),
                AMSTERDAM, 52);
        assertThat(both.offersSent()).isPositive();
        assertThat(both.mostInOneWeek()).isLessThanOrEqualTo(3);
        assertThat(both.mostInOneMonth()).isLessThanOrEqualTo(6);
        assertThat(both.mostInOneQuarter()).isLessThanOrEqualTo(12);
        // Offers alone: at most 1 a week, 2 a month, 4 a quarter, so at most 16 in a year.
        assertThat(both.offersSent()).isLessThanOrEqualTo(16);
    }
}
