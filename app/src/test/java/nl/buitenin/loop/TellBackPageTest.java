package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.testing.Unique;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/**
 * A person who prefers the phone: the done action becomes a call-back task in the queue of the team that
 * handled their case; the agent reads the number under "service improvement" and logs the call.
 */
@DatabaseTest
@AutoConfigureMockMvc
class TellBackPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    JdbcUsers users;
    @Autowired
    CaseWork work;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePhonePersonIsACallBackTaskInTheTeamsQueueAndTheCallIsLogged() throws Exception {
        contactPolicy.change(PolicyFile.of(new Policy(0.2, Map.of(), 30, 30, 2, 4, LocalTime.of(9, 0), LocalTime.of(9, 0),
                Set.<DayOfWeek>of(), 3, Channel.EMAIL, ZoneId.of("Europe/Amsterdam"))));
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        StoredUser other = LoopFixture.agentOf(users, LoopFixture.uniqueTeam());
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Gert Pel", "gert@voorbeeld.nl", "0687654321"));
        consents.give(person, PurposeId.FEEDBACK, "test");
        persons.setPreferences(person, new Preferences(PreferredChannel.PHONE, "en", false, false));
        var theme = themes.add(Unique.name("Bagage"), "Luggage", null);
        var opened = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                null, Channel.PHONE, team, null, "Koffer te laat"), "test", Instant.now()).file();
        themes.tag(opened.id(), theme.id(), "test", ThemeTagging.Tagger.USER, Instant.now());
        ImprovementAction action = improving.plan("Bagage eerder ophalen", "Luggage collected earlier",
                "We halen de bagage een uur eerder op.", "We collect the luggage an hour earlier.", null, null, Set.of(theme.id()));
        EventsHandled handled = EventsHandled.since(registry);
        improving.complete(action.id());

        handled.await();
        UUID task = jdbc.sql("select id from loop_tell_back_task where person_key = :p").param("p", person.value())
                .query(UUID.class).optional().orElse(null);
        assertThat(task).isNotNull();

        mvc.perform(get("/cases").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("We collect the luggage an hour earlier.")))
                .andExpect(content().string(containsString("/cases/tell-back/" + task + "/calls")));
        mvc.perform(get("/cases").with(user(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(task.toString()))));

        mvc.perform(get("/cases/tell-back/" + task + "/contact").with(user(agent)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("+31687654321")));
        assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and purpose_id = 'service-improvement' "
                + "and refusal is null").param("p", person.value()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/cases/tell-back/" + task + "/contact").with(user(other))).andExpect(status().isNotFound());

        mvc.perform(post("/cases/tell-back/" + task + "/calls").with(user(other)).with(csrf()).param("outcome", "REACHED"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cases/tell-back/" + task + "/calls").with(user(agent)).with(csrf()).param("outcome", "REACHED"))
                .andExpect(redirectedUrl("/cases"));
        assertThat(jdbc.sql("select outcome from loop_tell_back_task where id = :id").param("id", task).query(String.class).single())
                .isEqualTo("REACHED");
        assertThat(jdbc.sql("select channel from loop_told_back where person_key = :p").param("p", person.value())
                .query(String.class).list()).containsExactly("PHONE");
        assertThat(jdbc.sql("select count(*) from outbox_message where person_key = :p and reference like 'told-back:%'")
                .param("p", person.value()).query(Long.class).single()).as("no e-mail as well").isZero();
    }
}
