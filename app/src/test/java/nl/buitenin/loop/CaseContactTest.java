package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/** For a call-back the agent reads the number under "complaint handling"; the read is logged; other teams see nothing. */
@DatabaseTest
@AutoConfigureMockMvc
class CaseContactTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    CaseWork work;
    @Autowired
    Persons persons;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTeamsAgentSeesTheNumberAndTheReadIsLogged() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        StoredUser other = LoopFixture.agentOf(users, LoopFixture.uniqueTeam());
        PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Fenna Bos", "fenna@voorbeeld.nl", "0612345678"));
        CaseFile c = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                null, Channel.PHONE, team, null, "Bel mij terug"), "test", Instant.now()).file();

        mvc.perform(get("/cases/" + c.id() + "/contact").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("+31612345678")))
                .andExpect(content().string(containsString("Fenna Bos")));
        assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and purpose_id = 'complaint-handling' "
                + "and refusal is null").param("p", person.value()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/cases/" + c.id() + "/contact").with(user(other))).andExpect(status().isNotFound());
    }

    @Test
    void theCasePageNamesThePersonInWordsNeverByTheirKey() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        PersonKey named = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Fenna Bos", "fenna@voorbeeld.nl", null));
        PersonKey unnamed = persons.register("klant-" + UUID.randomUUID(), new ContactDetails(null, "anoniem@voorbeeld.nl", null));

        String withName = casePage(agent, open(named, team), "nl");
        assertThat(VisibleText.of(withName)).contains("Persoon Fenna Bos").doesNotContain(named.value());
        assertThat(VisibleText.problems(withName)).noneMatch(p -> p.startsWith("person key"));

        String withoutName = casePage(agent, open(unnamed, team), "nl");
        assertThat(VisibleText.of(withoutName)).containsPattern("Persoon \\S+ zonder naam").doesNotContain(unnamed.value());
        assertThat(VisibleText.problems(withoutName)).noneMatch(p -> p.startsWith("person key"));
        assertThat(VisibleText.of(casePage(agent, open(unnamed, team), "en"))).containsPattern("Person \\S+ without a name");
        assertThat(VisibleText.of(casePage(agent, open(null, team), "en"))).contains("Person anonymous");
    }

    /** The page says where the name and contact details come from as it is now: under the purpose, and logged. */
    @Test
    void theCasePageSaysTheNameAndContactDetailsAreReadUnderThePurposeNotLater() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        CaseFile c = open(persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Fenna Bos", "f@voorbeeld.nl", null)), team);
        assertThat(VisibleText.of(casePage(agent, c, "nl")))
                .contains("De naam hierboven en, bij terugbellen, de contactgegevens worden gelezen onder het doel")
                .doesNotContain("straks");
        assertThat(VisibleText.of(casePage(agent, c, "en")))
                .contains("The name above and, for a call-back, the contact details are read under the purpose")
                .doesNotContain("will be shown");
    }

    /** A complaint's source in the history is told in words with its channel; a generated id never shows. */
    @Test
    void theHistoryTellsAComplaintsSourceByItsChannelWithoutAGeneratedId() throws Exception {
        String team = LoopFixture.uniqueTeam();
        StoredUser agent = LoopFixture.agentOf(users, team);
        String generated = UUID.randomUUID().toString();
        CaseFile byPhone = work.open(new CaseWork.Opening(CaseSource.complaint(generated), CaseType.COMPLAINT, null,
                null, Channel.PHONE, team, null, "Bel mij terug"), "test", Instant.now()).file();
        String nl = casePage(agent, byPhone, "nl");
        assertThat(VisibleText.of(nl)).contains("klacht via telefoon").doesNotContain(generated);
        assertThat(VisibleText.problems(nl)).noneMatch(p -> p.startsWith("id"));
        assertThat(VisibleText.of(casePage(agent, byPhone, "en"))).contains("complaint via phone").doesNotContain(generated);

        String reference = "ZD-" + Math.abs(generated.hashCode());
        CaseFile byWeb = work.open(new CaseWork.Opening(CaseSource.complaint(reference), CaseType.COMPLAINT, null,
                null, Channel.WEB, team, null, "Formulier op de site"), "test", Instant.now()).file();
        assertThat(VisibleText.of(casePage(agent, byWeb, "nl"))).contains("klacht via website, kenmerk " + reference);
        assertThat(VisibleText.of(casePage(agent, byWeb, "en"))).contains("complaint via website, reference " + reference);
    }

    private CaseFile open(PersonKey person, String team) {
        return work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                null, Channel.PHONE, team, null, "Bel mij terug"), "test", Instant.now()).file();
    }

    private String casePage(StoredUser agent, CaseFile c, String language) throws Exception {
        return mvc.perform(get("/cases/" + c.id()).with(user(agent)).with(nl.buitenin.testing.PageRequests.inLanguage(language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
