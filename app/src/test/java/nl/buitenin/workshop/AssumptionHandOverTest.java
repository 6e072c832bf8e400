package nl.buitenin.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.TestForm;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import nl.buitenin.workshop.internal.JdbcWorkshops;
import nl.buitenin.workshop.internal.Workshop;

/**
 * An assumption note on a workshop's board becomes an assumption to test, once: with the workshop, journey, touchpoint
 * and department, owned by its author unless the workshop is anonymous; the note is linked to it, and the result (and the
 * closed board) shows its verdict in words. On H2 and PostgreSQL.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AssumptionHandOverTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcWorkshops store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AssumptionBook book;

    StoredUser analyst;
    StoredUser agent;
    JourneyId journey;
    StageId booking;
    TouchpointId phone;

    @BeforeEach
    void setUp() {
        analyst = staff(Role.ANALYST);
        agent = staff(Role.AGENT);
        journey = journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip")));
        booking = journeys.addStage(journey, new Names("Boeken", "Booking"));
        phone = journeys.addTouchpoint(booking, new Names("Boeken per telefoon", "Booking by phone"), Channel.PHONE, null);
    }

    StoredUser staff(Role role) {
        return staff(role, "nl");
    }

    StoredUser staff(Role role, String language) {
        String name = "ho-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "Staff " + name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }

    Workshop open(boolean anonymous) throws Exception {
        MvcResult result = mvc.perform(post("/workshops").with(user(analyst)).with(csrf()).param("journey", journey.value().toString())
                        .param("title", Unique.name("Workshop")).param("day", LocalDate.now().toString())
                        .param("departments", "Verkoop\nKlantenservice").param("anonymous", String.valueOf(anonymous)))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/workshops/".length()));
        Workshop workshop = store.byId(id).orElseThrow();
        mvc.perform(post("/workshops/join/department").with(user(agent)).with(csrf()).param("code", workshop.joinCode())
                .param("department", "Klantenservice")).andExpect(status().is3xxRedirection());
        return workshop;
    }

    /** Puts a note on the board and waits until its events are handled. */
    UUID note(StoredUser who, Workshop workshop, String kind, String place, String text) throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(who)).with(csrf()).param("kind", kind).param("place", place)
                .param("text", text)).andExpect(status().is3xxRedirection());
        handled.await();
        return store.items(workshop.id()).stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow().id();
    }

    List<Map<String, Object>> assumptionsOf(Workshop workshop) {
        return jdbc.sql("select id, statement, department, owner, journey_id, touchpoint_id from assumptions_assumption "
                + "where workshop_id = :w order by created_at").param("w", workshop.id()).query().listOfRows();
    }

    UUID ref(UUID item) {
        return jdbc.sql("select assumption_ref from workshop_item where id = :id").param("id", item).query(UUID.class).single();
    }

    @Test
    void anAssumptionNoteBecomesOneAssumptionOwnedByItsAuthorEvenWhenTheEventIsHandledTwice() throws Exception {
        Workshop workshop = open(false);
        String statement = Unique.name("Bellen om te boeken scoort hoog");
        UUID item = note(agent, workshop, "assumption", "touchpoint:" + phone.value(), statement);
        note(agent, workshop, "idea", "stage:" + booking.value(), Unique.name("Geen aanname"));

        assertThat(assumptionsOf(workshop)).singleElement().satisfies(row -> {
            assertThat(row.get("statement")).isEqualTo(statement);
            assertThat(row.get("department")).isEqualTo("Klantenservice");
            assertThat(row.get("owner")).isEqualTo(agent.username());
            assertThat(row.get("journey_id").toString()).isEqualTo(journey.value().toString());
            assertThat(row.get("touchpoint_id").toString()).isEqualTo(phone.value().toString());
        });
        UUID ref = ref(item);
        assertThat(assumptionsOf(workshop).get(0).get("id").toString()).isEqualTo(ref.toString());

        Workshop now = store.byId(workshop.id()).orElseThrow();
        EventsHandled again = EventsHandled.since(registry);
        transactions.executeWithoutResult(tx -> publisher.publishEvent(new AssumptionNoted(now.id(), item, journey, booking, phone,
                statement, "Klantenservice")));
        again.await();
        assertThat(assumptionsOf(workshop)).hasSize(1);
        assertThat(ref(item)).isEqualTo(ref);
    }

    @Test
    void inAnAnonymousWorkshopTheAssumptionHasNoOwnerAndTheFacilitatorsNoteIsHeldByTheWorkshopsDepartments() throws Exception {
        Workshop workshop = open(true);
        String participant = Unique.name("Mensen lezen de mail niet");
        String facilitator = Unique.name("Wachten aan de telefoon stoort");
        note(agent, workshop, "assumption", "stage:" + booking.value(), participant);
        note(analyst, workshop, "assumption", "touchpoint:" + phone.value(), facilitator);

        List<Map<String, Object>> rows = assumptionsOf(workshop);
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("owner")).isNull());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("statement")).isEqualTo(participant);
            assertThat(row.get("department")).isEqualTo("Klantenservice");
            assertThat(row.get("touchpoint_id")).isNull();
        }).anySatisfy(row -> {
            assertThat(row.get("statement")).isEqualTo(facilitator);
            assertThat(row.get("department")).isEqualTo("Verkoop, Klantenservice");
        });
    }

    @Test
    void theResultAndTheClosedBoardShowWhichAssumptionsHeldInTheReadersLanguage() throws Exception {
        Workshop workshop = open(false);
        String statement = Unique.name("Bellers zijn tevreden");
        UUID item = note(agent, workshop, "assumption", "touchpoint:" + phone.value(), statement);
        String far = String.valueOf(2400 + (int) (Math.random() * 500));
        book.chooseTest(ref(item), new TestForm("score", "csat", null, null, null, "at_least", "50", null, far + "-01-01", far + "-12-31"));

        String open = VisibleText.of(page("/workshops/" + workshop.id(), agent, "nl"));
        assertThat(open).doesNotContain("er zijn in de periode geen gegevens");
        String result = VisibleText.of(page("/workshops/" + workshop.id() + "/result", agent, "nl"));
        assertThat(result).contains("Welke aannames hielden stand", statement,
                "Nog niet te toetsen: er zijn in de periode geen gegevens.");

        mvc.perform(post("/workshops/" + workshop.id() + "/close").with(user(analyst)).with(csrf())).andExpect(status().is3xxRedirection());
        StoredUser english = staff(Role.ANALYST, "en");
        assertThat(VisibleText.of(page("/workshops/" + workshop.id(), english, "en")))
                .contains(statement, "Not yet testable: there is no data in the period.");
        assertThat(VisibleText.of(page("/workshops/" + workshop.id() + "/result", english, "en")))
                .contains("Which assumptions held", "Not yet testable: there is no data in the period.");
    }

    String page(String path, StoredUser who, String language) throws Exception {
        return mvc.perform(get(path).with(user(who)).locale(Locale.forLanguageTag(language)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
