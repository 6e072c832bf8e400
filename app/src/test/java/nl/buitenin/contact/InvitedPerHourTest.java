package nl.buitenin.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import nl.buitenin.contact.internal.InvitedPerHour;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * The share of contacts invited per hour of the day, on the contacts of {@link InvitedPerHourFixture}: the counts and the
 * Wilson intervals are worked out here by hand, not by the code under test; the page and the API show them, an hour about
 * fewer than five people is hidden, and an evening contact that waited until the morning counts once, as invited.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitedPerHourTest {

    @TestConfiguration
    static class NoonAfterTheContacts {
        @Bean
        @Primary
        Clock noonAfterTheContacts() {
            return InvitedPerHourFixture.clock();
        }
    }

    @Autowired
    Outreach outreach;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    InvitedPerHour invitedPerHour;
    @Autowired
    MockMvc mvc;

    @BeforeAll
    void contacts() {
        InvitedPerHourFixture.load(outreach, policy, persons, consents);
    }

    @Test
    void eachHourHasItsContactsItsInvitedAndTheWilsonInterval() {
        List<InvitedPerHour.Hour> hours = invitedPerHour.lastDays();
        assertThat(hours).hasSize(24).extracting(InvitedPerHour.Hour::hour).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24)
                .boxed().toList());
        InvitedPerHour.Hour ten = hours.get(10);
        assertThat(ten.contacts()).isEqualTo(8);
        assertThat(ten.invited()).isEqualTo(6);
        // Wilson, 6 of 8: p = 0.75, z = 1.96; centre (p + z²/2n) / (1 + z²/n) = 0.6689, half-width 0.2596 (by hand).
        assertThat(ten.share().value()).isEqualTo(75.0);
        assertThat(ten.share().lower()).isCloseTo(40.93, within(0.01));
        assertThat(ten.share().upper()).isCloseTo(92.85, within(0.01));
        InvitedPerHour.Hour evening = hours.get(21);
        assertThat(evening.contacts()).as("six contacts, nine decisions").isEqualTo(6);
        assertThat(evening.invited()).isEqualTo(3);
        // Wilson, 3 of 6: symmetric around one half, 18.76 to 81.24.
        assertThat(evening.share().lower()).isCloseTo(18.76, within(0.01));
        assertThat(evening.share().upper()).isCloseTo(81.24, within(0.01));
        assertThat(hours.get(15).hidden()).isTrue();
        assertThat(hours.get(15).contacts()).isNull();
        assertThat(hours.get(9).contacts()).as("the morning's sending counts for the evening's hour").isZero();
        assertThat(hours.get(9).share()).isNull();
    }

    @Test
    void theApiGivesTheSameFiguresAndHidesTheSmallHour() throws Exception {
        mvc.perform(get("/api/v1/contact/invited-per-hour").with(user("analist-uur").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(90))
                .andExpect(jsonPath("$.hours.length()").value(24))
                .andExpect(jsonPath("$.hours[10].contacts").value(8))
                .andExpect(jsonPath("$.hours[10].invited").value(6))
                .andExpect(jsonPath("$.hours[10].percent").value(75.0))
                .andExpect(jsonPath("$.hours[10].lower").value(Matchers.closeTo(40.93, 0.01)))
                .andExpect(jsonPath("$.hours[21].invited").value(3))
                .andExpect(jsonPath("$.hours[15].hidden").value(true))
                .andExpect(jsonPath("$.hours[15].fewerThan").value(5))
                .andExpect(jsonPath("$.hours[15].contacts").value(Matchers.nullValue()));
    }

    @Test
    void thePolicyPageShowsTheShareInvitedPerHourInDutchAndEnglish() throws Exception {
        String nl = page("nl");
        assertThat(nl).contains("Uitgenodigd per uur van de dag").contains("10:00–11:00 8 6 75% (41 tot 93%)")
                .contains("21:00–22:00 6 3 50% (19 tot 81%)").contains("15:00–16:00 minder dan 5 personen: niet getoond");
        assertThat(VisibleText.problems(nl)).isEmpty();
        String en = page("en");
        assertThat(en).contains("Invited per hour of the day").contains("10:00–11:00 8 6 75% (41 to 93%)")
                .contains("15:00–16:00 fewer than 5 people: not shown");
    }

    private String page(String language) throws Exception {
        return VisibleText.of(mvc.perform(get("/contact/policy").with(user("analist-uur").roles("ANALYST"))
                        .cookie(new Cookie("buitenin-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
