package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * The demo's promised reminders when it is loaded at 07:00, in quiet hours until 09:00: travellers who asked for a
 * reminder were invited four days ago (as RemindersDemo sets them up) and the reminder job runs. The reminders are not
 * refused but scheduled for 09:00, and the contact policy's decisions say so in the reader's language; at 09:00 they
 * go out. The clock of the whole application stands at 07:00.
 */
@DatabaseTest
@AutoConfigureMockMvc
class RemindersInQuietHoursTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    // A date after every other test's decisions, so this test's are the newest on the policy page.
    static final Instant SEVEN = ZonedDateTime.of(2030, 6, 3, 7, 0, 0, 0, ZONE).toInstant();
    static final Instant NINE = ZonedDateTime.of(2030, 6, 3, 9, 0, 0, 0, ZONE).toInstant();

    @TestConfiguration
    static class SevenInTheMorning {
        @Bean
        @Primary
        Clock sevenInTheMorning() {
            return Clock.fixed(SEVEN, ZONE);
        }
    }

    @DynamicPropertySource
    static void noBackgroundJobs(DynamicPropertyRegistry registry) {
        registry.add("buitenin.listening.reminders-enabled", () -> "false");
    }

    @Autowired
    Reminders reminders;
    @Autowired
    JdbcResponses responses;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Outreach outreach;
    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void remindersDueInQuietHoursAreScheduledForNineAndSentThen() throws Exception {
        contactPolicy.change(PolicyFile.of(new Policy(1.0, Map.of(), 30, 30, 4, 8, LocalTime.of(21, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, ZONE)));
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        SurveyDefinition trip = AnswerSheetTest.TRIP;
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), SEVEN.minus(Duration.ofDays(30)));
        survey.publish(SEVEN.minus(Duration.ofDays(30)));
        surveys.add(survey);
        Instant invited = SEVEN.minus(Duration.ofDays(4));
        List<UUID> invitations = new ArrayList<>();
        List<PersonKey> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PersonKey person = persons.register("reiziger-" + UUID.randomUUID(),
                    new ContactDetails("Reiziger " + i, "reiziger" + i + "-" + UUID.randomUUID() + "@stil.nl", null));
            consents.give(person, PurposeId.FEEDBACK, "test");
            persons.setPreferences(person, new Preferences(PreferredChannel.EMAIL, "nl", true, false));
            invitations.add(responses.create(survey.id(), touchpoint, person, "quiet-reminder:" + UUID.randomUUID(), ResponseChannel.EMAIL,
                    "nl", ResponseStatus.INVITED, invited, invited.plus(Invitations.VALIDITY)).orElseThrow());
            outreach.contacted(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, invited);
            people.add(person);
        }

        reminders.remindDue(SEVEN);
        for (UUID response : invitations) {
            assertThat(responses.reminderStatus(response)).as("held, not refused").isNull();
        }
        for (PersonKey person : people) {
            assertThat(jdbc.sql("select deferred_until from contact_decision where person_key = :p and kind = 'REMINDER'")
                    .param("p", person.value()).query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(NINE);
        }
        String nl = page("nl");
        // Dates as the reader writes them (platform.ReadableDates), in the decisions' time column too: no pattern of the page's own.
        assertThat(nl).contains("herinnering gepland voor 3 juni 2030, 09:00").doesNotContain("herinnering niet nu").doesNotContain("jun 2030 ");
        String en = page("en");
        assertThat(en).contains("reminder scheduled for June 3, 2030, 09:00").doesNotContain("Jun 2030 ");

        reminders.remindDue(NINE.plusSeconds(60));
        for (UUID response : invitations) {
            assertThat(responses.reminderStatus(response)).as("sent when the quiet hours end").isEqualTo("SENT");
        }
    }

    private String page(String language) throws Exception {
        return VisibleText.of(mvc.perform(get("/contact/policy").with(user("analist-" + UUID.randomUUID().toString().substring(0, 8))
                .roles("ANALYST")).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
