package nl.buitenin.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import nl.buitenin.workshop.internal.JdbcWorkshops;
import nl.buitenin.workshop.internal.Workshop;

/**
 * A workshop from opening to its result through the pages, on H2 and PostgreSQL: joining with the code (wrong, closed,
 * too many tries), notes on stages and touchpoints, the board's poll answering 204 while nothing changed, own notes only,
 * the dot vote counted only once closed, closing (read-only after, authors forgotten when anonymous), the assumption
 * event, and who is refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class WorkshopsTest {

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
    ApplicationEvents events;

    StoredUser analyst;
    StoredUser agent;
    StoredUser planner;
    JourneyId journey;
    StageId booking;
    TouchpointId phone;

    @BeforeEach
    void setUp() {
        analyst = staff(Role.ANALYST);
        agent = staff(Role.AGENT);
        planner = staff(Role.PLANNER);
        journey = journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip")));
        journeys.addStage(journey, new Names("Oriënteren", "Exploring"));
        booking = journeys.addStage(journey, new Names("Boeken", "Booking"));
        phone = journeys.addTouchpoint(booking, new Names("Boeken per telefoon", "Booking by phone"), Channel.PHONE, null);
    }

    StoredUser staff(Role role) {
        String name = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "Staff " + name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }

    Workshop open(boolean anonymous) throws Exception {
        MvcResult result = mvc.perform(post("/workshops").with(user(analyst)).with(csrf()).param("journey", journey.value().toString())
                        .param("title", Unique.name("Workshop")).param("day", LocalDate.now().toString())
                        .param("departments", "Verkoop\nKlantenservice\n verkoop ").param("anonymous", String.valueOf(anonymous)))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().substring("/workshops/".length()));
        return store.byId(id).orElseThrow();
    }

    void join(StoredUser who, Workshop workshop, String department) throws Exception {
        mvc.perform(post("/workshops/join/department").with(user(who)).with(csrf()).param("code", workshop.joinCode().toLowerCase())
                .param("department", department)).andExpect(status().is3xxRedirection());
    }

    UUID note(StoredUser who, Workshop workshop, String kind, String place, String text) throws Exception {
        mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(who)).with(csrf()).param("kind", kind).param("place", place)
                .param("text", text)).andExpect(status().is3xxRedirection());
        return store.items(workshop.id()).stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow().id();
    }

    String page(String path, StoredUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aCodeWithoutLookAlikesIsShownAndTheDepartmentsAreListedOnce() throws Exception {
        Workshop workshop = open(false);
        assertThat(workshop.joinCode()).hasSize(6).doesNotContainAnyWhitespaces().matches("[A-HJKMNP-Z2-9]{6}");
        assertThat(workshop.departments()).containsExactly("Verkoop", "Klantenservice");
        String board = page("/workshops/" + workshop.id(), analyst);
        assertThat(board).contains("id=\"join-code\"", workshop.joinCode().substring(0, 3) + " " + workshop.joinCode().substring(3));
        assertThat(VisibleText.problems(board)).isEmpty();
    }

    @Test
    void anAgentJoinsWithTheCodeAddsANoteAndTheBoardPollAnswers204WhileNothingChanged() throws Exception {
        Workshop workshop = open(false);
        String step = mvc.perform(post("/workshops/join").with(user(agent)).with(csrf()).param("code", " " + workshop.joinCode().toLowerCase()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(step)).contains("Voor welke afdeling doet u mee?", "Verkoop", "Klantenservice");
        join(agent, workshop, "Klantenservice");

        long version = store.byId(workshop.id()).orElseThrow().version();
        String fragment = mvc.perform(get("/workshops/" + workshop.id() + "/board").param("since", String.valueOf(version - 1)).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("hx-trigger=\"every 2s\"", "since=" + version);
        mvc.perform(get("/workshops/" + workshop.id() + "/board").param("since", String.valueOf(version)).with(user(agent)))
                .andExpect(status().isNoContent());

        note(agent, workshop, "pain_point", "touchpoint:" + phone.value(), "Wachten <b>duurt</b> lang");
        mvc.perform(get("/workshops/" + workshop.id() + "/board").param("since", String.valueOf(version)).with(user(analyst)))
                .andExpect(status().isOk());
        String after = mvc.perform(get("/workshops/" + workshop.id() + "/board").param("since", String.valueOf(version)).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Wachten &lt;b&gt;duurt&lt;/b&gt; lang").doesNotContain("<b>duurt</b>");
        assertThat(VisibleText.of(after)).contains("Boeken per telefoon", "Pijnpunt", "Klantenservice", "Staff " + agent.username());
        assertThat(VisibleText.problems(after)).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedByNameAndAfterFiveWrongTriesEvenTheRightOneWaits() throws Exception {
        Workshop workshop = open(false);
        StoredUser guesser = staff(Role.AGENT);
        String wrong = workshop.joinCode().startsWith("A") ? "BBBBBB" : "AAAAAA";
        for (int i = 0; i < 5; i++) {
            String page = mvc.perform(post("/workshops/join").with(user(guesser)).with(csrf()).param("code", wrong))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(VisibleText.of(page)).contains("code", "deze code hoort bij geen workshop");
        }
        String page = mvc.perform(post("/workshops/join").with(user(guesser)).with(csrf()).param("code", workshop.joinCode()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("te vaak een verkeerde code; probeer het over 15 minuten opnieuw");
        mvc.perform(get("/workshops/" + workshop.id()).with(user(guesser))).andExpect(status().isForbidden());
        // Another user is not held back by the guesser's tries.
        join(agent, workshop, "Verkoop");
    }

    @Test
    void someoneWhoDidNotJoinIsRefusedTheBoardItsPollAndItsNotes() throws Exception {
        Workshop workshop = open(false);
        String refused = mvc.perform(get("/workshops/" + workshop.id()).with(user(agent))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(refused)).contains("U doet niet mee aan deze workshop.");
        mvc.perform(get("/workshops/" + workshop.id() + "/board").param("since", "1").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(agent)).with(csrf()).param("kind", "idea")
                .param("place", "stage:" + booking.value()).param("text", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/workshops/" + workshop.id() + "/result").with(user(planner))).andExpect(status().isForbidden());
        // Facilitating is for analysts and administrators.
        join(agent, workshop, "Verkoop");
        mvc.perform(post("/workshops/" + workshop.id() + "/close").with(user(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/workshops/" + workshop.id() + "/vote").with(user(agent)).with(csrf()).param("dots", "3")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/workshops/" + workshop.id()).with(user(agent))).andExpect(status().isForbidden());
    }

    @Test
    void aNoteWithoutKindPlaceOrTextNamesEachFieldAndKeepsWhatWasTyped() throws Exception {
        Workshop workshop = open(false);
        join(agent, workshop, "Verkoop");
        String page = mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(agent)).with(csrf()).param("kind", "gripe")
                .param("place", "stage:" + UUID.randomUUID()).param("text", " ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(VisibleText.of(page)).contains("kind : kies de soort notitie", "place : kies een fase of contactmoment van de klantreis",
                "text : schrijf een notitie van hoogstens 500 tekens");
        String tooLong = "x".repeat(501);
        String page2 = mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(agent)).with(csrf()).param("kind", "idea")
                .param("place", "stage:" + booking.value()).param("text", tooLong)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page2).contains(tooLong);
        assertThat(store.items(workshop.id())).isEmpty();
    }

    @Test
    void onlyTheAuthorEditsANoteAndTheFacilitatorMayTakeAnyOffTheBoard() throws Exception {
        Workshop workshop = open(false);
        StoredUser colleague = staff(Role.AGENT);
        join(agent, workshop, "Verkoop");
        join(colleague, workshop, "Klantenservice");
        UUID mine = note(agent, workshop, "idea", "stage:" + booking.value(), "Een checklist voor vertrek");
        mvc.perform(get("/workshops/" + workshop.id() + "/items/" + mine + "/edit").with(user(colleague))).andExpect(status().isForbidden());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + mine).with(user(colleague)).with(csrf()).param("kind", "idea")
                .param("place", "stage:" + booking.value()).param("text", "overschreven")).andExpect(status().isForbidden());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + mine + "/delete").with(user(colleague)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + mine).with(user(agent)).with(csrf()).param("kind", "assumption")
                .param("place", "touchpoint:" + phone.value()).param("text", "Bellen om te boeken scoort een 8 of hoger"))
                .andExpect(status().is3xxRedirection());
        assertThat(store.items(workshop.id())).singleElement().satisfies(i -> {
            assertThat(i.text()).isEqualTo("Bellen om te boeken scoort een 8 of hoger");
            assertThat(i.touchpoint()).isEqualTo(phone);
        });
        assertThat(events.stream(AssumptionNoted.class).filter(e -> e.itemId().equals(mine))).singleElement()
                .satisfies(e -> assertThat(e.department()).isEqualTo("Verkoop"));
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + mine + "/delete").with(user(analyst)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(store.items(workshop.id())).isEmpty();
    }

    @Test
    void anAssumptionNoteIsAnnouncedWithItsPlaceAndDepartment() throws Exception {
        Workshop workshop = open(false);
        join(agent, workshop, "Klantenservice");
        UUID item = note(agent, workshop, "assumption", "touchpoint:" + phone.value(), "Bellen om te boeken scoort een 8 of hoger");
        note(agent, workshop, "idea", "stage:" + booking.value(), "Geen aanname");
        assertThat(events.stream(AssumptionNoted.class).filter(e -> e.workshopId().equals(workshop.id())).toList())
                .containsExactly(new AssumptionNoted(workshop.id(), item, journey, booking, phone, "Bellen om te boeken scoort een 8 of hoger",
                        "Klantenservice"));
    }

    @Test
    void dotsAreLimitedPerParticipantAndCountedOnlyOnceTheVoteCloses() throws Exception {
        Workshop workshop = open(false);
        join(agent, workshop, "Verkoop");
        UUID a = note(agent, workshop, "idea", "stage:" + booking.value(), "Idee A");
        UUID b = note(agent, workshop, "pain_point", "touchpoint:" + phone.value(), "Pijn B");
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + a + "/dots").with(user(agent)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/workshops/" + workshop.id() + "/vote").with(user(analyst)).with(csrf()).param("dots", "11"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/workshops/" + workshop.id() + "/vote").with(user(analyst)).with(csrf()).param("dots", "2"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + a + "/dots").with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + a + "/dots").with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection());
        String third = mvc.perform(post("/workshops/" + workshop.id() + "/items/" + b + "/dots").with(user(agent)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(third)).contains("U heeft al uw 2 stippen gegeven");
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + a + "/dots/remove").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + b + "/dots").with(user(agent)).with(csrf())).andExpect(status().is3xxRedirection());

        String during = page("/workshops/" + workshop.id(), analyst);
        assertThat(VisibleText.of(during)).contains("De stemming loopt.").doesNotContain("1 stip");
        mvc.perform(post("/workshops/" + workshop.id() + "/vote/close").with(user(analyst)).with(csrf())).andExpect(status().is3xxRedirection());
        String after = VisibleText.of(page("/workshops/" + workshop.id(), agent));
        assertThat(after).contains("De stemming is gesloten", "Idee A", "Pijn B");
        assertThat(after.split("1 stip", -1)).hasSize(3);
    }

    @Test
    void aClosedWorkshopIsReadOnlyItsCodeRefusedAndAnAnonymousOneForgetsItsAuthors() throws Exception {
        Workshop workshop = open(true);
        join(agent, workshop, "Verkoop");
        UUID item = note(agent, workshop, "moment_that_matters", "stage:" + booking.value(), "Het eerste telefoontje");
        assertThat(page("/workshops/" + workshop.id(), analyst)).doesNotContain("Staff " + agent.username());
        mvc.perform(post("/workshops/" + workshop.id() + "/groups").with(user(analyst)).with(csrf()).param("name", "Eerste indruk"))
                .andExpect(status().is3xxRedirection());
        UUID group = store.groups(workshop.id()).get(0).id();
        mvc.perform(post("/workshops/" + workshop.id() + "/grouping").with(user(analyst)).with(csrf()).param("item-" + item, group.toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workshops/" + workshop.id() + "/close").with(user(analyst)).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select count(*) from workshop_item where workshop_id = :w and staff_ref is not null").param("w", workshop.id())
                .query(Long.class).single()).isZero();
        String step = mvc.perform(post("/workshops/join").with(user(planner)).with(csrf()).param("code", workshop.joinCode()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(step)).contains("deze workshop is gesloten; meedoen kan niet meer");
        mvc.perform(post("/workshops/" + workshop.id() + "/items").with(user(agent)).with(csrf()).param("kind", "idea")
                .param("place", "stage:" + booking.value()).param("text", "Te laat")).andExpect(status().isConflict());
        mvc.perform(get("/workshops/" + workshop.id() + "/items/" + item + "/edit").with(user(agent))).andExpect(status().isForbidden());

        String result = page("/workshops/" + workshop.id() + "/result", agent);
        assertThat(VisibleText.of(result)).contains("Eerste indruk", "Het eerste telefoontje", "Verkoop", "Namen van schrijvers zijn niet bewaard.")
                .doesNotContain("Staff " + agent.username());
        assertThat(VisibleText.problems(result)).isEmpty();
        String fragment = page("/workshops/" + workshop.id() + "/board?since=0", agent);
        assertThat(fragment).doesNotContain("hx-trigger");
    }

    @Test
    void theApiListsTheWorkshopWithItsNotesAndTheCsvHoldsThem() throws Exception {
        Workshop workshop = open(false);
        join(agent, workshop, "Klantenservice");
        note(agent, workshop, "assumption", "touchpoint:" + phone.value(), "Bellen, \"zegt\" men, scoort hoog");
        String list = mvc.perform(get("/api/v1/workshops").with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains(workshop.id().toString(), workshop.title());
        String one = mvc.perform(get("/api/v1/workshops/" + workshop.id()).with(user(analyst))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(one).contains("\"kind\":\"assumption\"", "\"touchpointNl\":\"Boeken per telefoon\"", "\"department\":\"Klantenservice\"",
                "\"author\":\"" + agent.username() + "\"", "\"departmentsPresent\":[\"Klantenservice\"]", "\"votes\":null");
        String csv = mvc.perform(get("/api/v1/workshops/" + workshop.id() + "/items.csv").with(user(analyst))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).first().asString().startsWith("id,kind,text,stage,touchpoint,department,author,group,votes,created");
        assertThat(csv).contains("assumption,\"Bellen, \"\"zegt\"\" men, scoort hoog\",Boeken,Boeken per telefoon,Klantenservice," + agent.username());
        mvc.perform(get("/api/v1/workshops/" + UUID.randomUUID()).with(user(analyst))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/workshops").with(user(agent))).andExpect(status().isForbidden());
    }

    @Test
    void theStaffExportListsAMembersWorkshopsAndNotesAndErasureKeepsTheNotesWithoutTheName() throws Exception {
        Workshop workshop = open(false);
        join(agent, workshop, "Verkoop");
        note(agent, workshop, "idea", "stage:" + booking.value(), "Een idee van mij");
        mvc.perform(post("/workshops/" + workshop.id() + "/vote").with(user(analyst)).with(csrf()).param("dots", "1"));
        UUID item = store.items(workshop.id()).get(0).id();
        mvc.perform(post("/workshops/" + workshop.id() + "/items/" + item + "/dots").with(user(agent)).with(csrf()));
        nl.buitenin.privacy.StaffDataSource source = context.getBean("nl.buitenin.workshop.internal.WorkshopStaffData",
                nl.buitenin.privacy.StaffDataSource.class);
        List<String> exported = source.export(agent.username()).stream().map(s -> s.where().nl()).toList();
        assertThat(exported).anySatisfy(s -> assertThat(s).startsWith("Deelgenomen aan workshop: " + workshop.title() + " (Verkoop)"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Notitie in workshop " + workshop.title() + ": Een idee van mij"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Stippen geplaatst in workshops: 1"));
        assertThat(source.export(analyst.username()).stream().map(s -> s.where().nl()))
                .contains("Workshop geopend: " + workshop.title());
        assertThat(source.erase(agent.username())).isEqualTo(3); // participant, note, dot
        assertThat(source.export(agent.username())).isEmpty();
        assertThat(store.items(workshop.id())).singleElement().satisfies(i -> {
            assertThat(i.staffRef()).isNull();
            assertThat(i.text()).isEqualTo("Een idee van mij");
            assertThat(i.department()).isEqualTo("Verkoop");
        });
    }

    @Test
    void aListedColleagueJoinsWithoutTheCodeAndAnUnknownNameIsRefusedByName() throws Exception {
        String page = mvc.perform(post("/workshops").with(user(analyst)).with(csrf()).param("journey", journey.value().toString())
                        .param("title", Unique.name("Workshop")).param("day", LocalDate.now().toString()).param("departments", "Verkoop")
                        .param("invited", agent.username() + ", niemand-" + UUID.randomUUID().toString().substring(0, 6)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("invited : 'niemand-").contains("' is geen gebruiker van Buitenin");
        String title = Unique.name("Workshop");
        MvcResult opened = mvc.perform(post("/workshops").with(user(analyst)).with(csrf()).param("journey", journey.value().toString())
                        .param("title", title).param("day", LocalDate.now().toString()).param("departments", "Verkoop\nKlantenservice")
                        .param("invited", " " + agent.username() + "\n"))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = UUID.fromString(opened.getResponse().getRedirectedUrl().substring("/workshops/".length()));

        String join = page("/workshops/join", agent);
        assertThat(VisibleText.of(join)).contains("U bent uitgenodigd voor:", title);
        mvc.perform(get("/workshops/" + id).with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/workshops/" + id + "/join").with(user(planner))).andExpect(status().isForbidden());
        String pick = page("/workshops/" + id + "/join", agent);
        assertThat(VisibleText.of(pick)).contains("Voor welke afdeling doet u mee?", "Klantenservice");
        mvc.perform(post("/workshops/" + id + "/join").with(user(agent)).with(csrf()).param("department", "Klantenservice"))
                .andExpect(status().is3xxRedirection());
        assertThat(store.participants(id)).singleElement().satisfies(p -> assertThat(p.department()).isEqualTo("Klantenservice"));
        assertThat(VisibleText.of(page("/workshops/join", agent))).doesNotContain("U bent uitgenodigd voor:");
        nl.buitenin.privacy.StaffDataSource source = context.getBean("nl.buitenin.workshop.internal.WorkshopStaffData",
                nl.buitenin.privacy.StaffDataSource.class);
        assertThat(source.export(agent.username()).stream().map(s -> s.where().nl())).contains("Uitgenodigd voor workshop: " + title);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
}
