package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.text.FailureKind;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.loop.internal.Actions;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;
import nl.buitenin.textinsight.internal.FailureDemandFigures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Figure;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Figures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.JourneyFigures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.KindCount;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Question;

/**
 * Failure demand per stage, touchpoint and week of one journey, from contacts recorded through journey's ingest and
 * read after their commit: shares with n and interval, repeat contacts, kinds of failure and the repeated questions,
 * small cells hidden; the same figures through the API (READ scope, roles, bad input named by field) and on the page,
 * from which an analyst opens an improvement action in loop that names the question and links back.
 */
@DatabaseTest
@AutoConfigureMockMvc
class FailureDemandTest {

    private static final String CHASING = "Waar blijft mijn boekingsbevestiging?";
    private static final String VALUE = "Ik wil graag een cadeaubon kopen";

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    Persons persons;
    @Autowired
    Organisations organisations;
    @Autowired
    FailureDemandFigures figures;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Themes themes;
    @Autowired
    Actions actions;

    JourneyId journey;
    TouchpointId desk;
    TouchpointId mail;
    TouchpointId guide;
    LocalDate monday;
    ZoneId zone;

    /**
     * Stage "Boeken" (desk, mail) and stage "Onderweg" (guide, no contacts). Week 1: five people chase their booking
     * confirmation at the desk, four anonymous callers want a gift voucher, two anonymous mails report a lost suitcase.
     * Week 2: the first person asks again (a repeat), a sixth person chases the confirmation, three more vouchers.
     */
    @BeforeEach
    void setUp() throws Exception {
        zone = organisations.current().timeZone();
        monday = FailureDemandFigures.monday(LocalDate.now(zone).minusWeeks(3));
        journey = journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip")));
        StageId booking = journeys.addStage(journey, new Names("Boeken", "Booking"));
        StageId onTheWay = journeys.addStage(journey, new Names("Onderweg", "On the way"));
        desk = journeys.addTouchpoint(booking, new Names(Unique.name("Balie"), Unique.name("Desk")), Channel.LOCATION, null);
        mail = journeys.addTouchpoint(booking, new Names(Unique.name("Mail"), Unique.name("Mail")), Channel.EMAIL, null);
        guide = journeys.addTouchpoint(onTheWay, new Names(Unique.name("Gids"), Unique.name("Guide")), Channel.LOCATION, null);
        List<PersonKey> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(persons.register("fd-" + UUID.randomUUID(), new ContactDetails("Klant " + i, null, null)));
        }
        List<InteractionInput> week1 = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            week1.add(contact(desk, 0, people.get(i), CHASING));
        }
        for (int i = 0; i < 4; i++) {
            week1.add(contact(desk, 1, null, VALUE));
        }
        week1.add(contact(mail, 2, null, "Koffer niet aangekomen in het hotel"));
        week1.add(contact(mail, 2, null, "Mijn koffer is kwijt"));
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(week1);
        handled.await();
        List<InteractionInput> week2 = new ArrayList<>();
        week2.add(contact(desk, 8, people.get(0), "Nog steeds geen bevestiging ontvangen"));
        week2.add(contact(desk, 9, people.get(5), "Waar blijft de bevestiging van mijn reis?"));
        for (int i = 0; i < 3; i++) {
            week2.add(contact(desk, 9, null, VALUE));
        }
        handled = EventsHandled.since(registry);
        ingest.ingest(week2);
        handled.await();
    }

    @Test
    void sharesRepeatsKindsAndQuestionsPerStageTouchpointAndWeek() {
        Figures found = figures.of(monday, monday.plusDays(13), journey, true);

        assertThat(found.weeks()).containsExactly(monday, monday.plusWeeks(1));
        JourneyFigures trip = found.journeys().get(0);
        assertThat(found.journeys()).hasSize(1);
        Figure atDesk = trip.stages().get(0).touchpoints().get(0).total();
        assertThat(atDesk.n()).isEqualTo(14);
        assertThat(atDesk.failures()).isEqualTo(7);
        assertThat(atDesk.repeats()).as("the first person's second contact about the confirmation").isEqualTo(1);
        assertThat(atDesk.share().value()).isEqualTo(50.0);
        assertThat(atDesk.share()).isEqualTo(Intervals.share(7, 14));
        assertThat(trip.stages().get(0).touchpoints().get(1).total().hidden()).as("two mails: fewer than five").isTrue();
        assertThat(trip.stages().get(0).touchpoints().get(1).total().n()).isNull();
        Figure booking = trip.stages().get(0).total();
        assertThat(booking.n()).isEqualTo(16);
        assertThat(booking.failures()).isEqualTo(9);
        Figure onTheWay = trip.stages().get(1).total();
        assertThat(onTheWay.n()).isZero();
        assertThat(onTheWay.share()).isNull();
        assertThat(onTheWay.hidden()).isFalse();
        assertThat(trip.total()).isEqualTo(booking);

        List<FailureDemandFigures.Week> deskWeeks = trip.stages().get(0).touchpoints().get(0).weeks();
        assertThat(deskWeeks.get(0).figure().n()).isEqualTo(9);
        assertThat(deskWeeks.get(0).figure().failures()).isEqualTo(5);
        assertThat(deskWeeks.get(1).figure().n()).isEqualTo(5);
        assertThat(deskWeeks.get(1).figure().failures()).isEqualTo(2);
        assertThat(deskWeeks.get(1).figure().repeats()).isEqualTo(1);
        assertThat(trip.stages().get(0).weeks().get(0).figure().n()).as("desk and mail of week 1").isEqualTo(11);

        assertThat(trip.kinds()).extracting(KindCount::kind).containsExactly(FailureKind.values());
        assertThat(kind(trip, FailureKind.CHASING).contacts().value()).isEqualTo(6);
        assertThat(kind(trip, FailureKind.REPEATING).contacts().hidden()).isTrue();
        assertThat(kind(trip, FailureKind.COMPLAINT).contacts().hidden()).isTrue();
        assertThat(kind(trip, FailureKind.CORRECTING).contacts().value()).isZero();

        assertThat(found.questions()).as("the suitcase was asked by two: hidden").extracting(Question::label).containsExactly("bevestiging");
        Question confirmation = found.questions().get(0);
        assertThat(confirmation.contacts()).isEqualTo(7);
        assertThat(confirmation.people()).isEqualTo(6);
        assertThat(confirmation.examples()).as("newest first, each once").containsExactly(
                "Waar blijft de bevestiging van mijn reis?", "Nog steeds geen bevestiging ontvangen", CHASING);
        assertThat(found.unread()).isZero();

        assertThat(figures.of(monday, monday.plusDays(6), journey, false).questions().get(0).examples())
                .as("no examples unless asked").isEmpty();
        assertThat(figures.of(monday.plusWeeks(1), monday.plusDays(13), journey, false).questions())
                .as("two people in week 2: fewer than five").isEmpty();
    }

    @Test
    void theApiGivesTheFiguresToAReadKeyAndNamesWrongParameters() throws Exception {
        String reader = apiKeys.issue("fd " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();
        String ingester = apiKeys.issue("fd " + UUID.randomUUID(), Set.of(Scope.INGEST), null).plainText();
        String query = "/api/v1/failure-demand?from=" + monday + "&to=" + monday.plusDays(13) + "&journey=" + journey.value();

        mvc.perform(get(query).header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks", hasSize(2)))
                .andExpect(jsonPath("$.journeys", hasSize(1)))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[0].total.n").value(14))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[0].total.share").value(50.0))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[0].total.repeats").value(1))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[0].weeks[1].figure.n").value(5))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[1].total.hidden").value(true))
                .andExpect(jsonPath("$.journeys[0].stages[0].touchpoints[1].total.n").doesNotExist())
                .andExpect(jsonPath("$.journeys[0].failureKinds[2].kind").value("chasing"))
                .andExpect(jsonPath("$.journeys[0].failureKinds[2].contacts").value(6))
                .andExpect(jsonPath("$.questions[0].label").value("bevestiging"))
                .andExpect(jsonPath("$.questions[0].people").value(6))
                .andExpect(jsonPath("$.questions[0].examples", hasSize(0)));
        mvc.perform(get(query + "&examples=true").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[0].examples", hasSize(3)));

        mvc.perform(get(query).header("Authorization", "Bearer " + ingester)).andExpect(status().isForbidden());
        mvc.perform(get(query).with(user(staff(Role.AGENT)))).andExpect(status().isForbidden());
        mvc.perform(get(query)).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/failure-demand?from=2026-13-01&journey=reis&examples=ja").with(user(staff(Role.ANALYST)))
                        .header("Accept-Language", "nl"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("is geen datum als 2026-03-01: 2026-13-01"))
                .andExpect(jsonPath("$.errors[1].field").value("journey"));
        mvc.perform(get("/api/v1/failure-demand?examples=ja").with(user(staff(Role.ANALYST))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examples"));
        mvc.perform(get("/api/v1/failure-demand?from=2026-03-10&to=2026-03-01").with(user(staff(Role.ANALYST))).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("the first day (2026-03-10) is after the last (2026-03-01)"));
        mvc.perform(get("/api/v1/failure-demand?from=2024-01-01&to=2026-03-01").with(user(staff(Role.ANALYST))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/failure-demand?journey=" + UUID.randomUUID()).with(user(staff(Role.ANALYST))))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAnalystOpensAnImprovementActionFromARepeatedQuestion() throws Exception {
        StoredUser analyst = staff(Role.ANALYST);
        Themes.Theme theme = themes.add(Unique.name("Bevestigingen"), Unique.name("Confirmations"), null);
        String page = mvc.perform(get("/failure-demand").param("from", monday.toString()).param("to", monday.plusDays(13).toString())
                        .param("journey", journey.value().toString()).with(user(analyst)).locale(Locale.forLanguageTag("nl")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String shown = VisibleText.of(page);
        assertThat(shown).contains("Over „bevestiging”").contains("7 contacten van 6 mensen").contains("Nog steeds geen bevestiging ontvangen")
                .contains("50% (95%").contains("navragen waar iets blijft").contains("Verbeteractie openen");
        assertThat(VisibleText.problems(page)).isEmpty();
        assertThat(shown).doesNotContain("''");
        mvc.perform(get("/failure-demand").with(user(staff(Role.AGENT)))).andExpect(status().isForbidden());

        String back = "/failure-demand?from=" + monday + "&to=" + monday.plusDays(13) + "&journey=" + journey.value();
        mvc.perform(post("/failure-demand/actions").with(user(analyst)).with(csrf())
                        .param("from", monday.toString()).param("to", monday.plusDays(13).toString()).param("journey", journey.value().toString())
                        .param("question", "bevest"))
                .andExpect(status().is3xxRedirection())
                .andDo(r -> assertThat(fields(r)).containsExactly("theme"));
        mvc.perform(post("/failure-demand/actions").with(user(analyst)).with(csrf())
                        .param("from", monday.toString()).param("to", monday.plusDays(13).toString()).param("journey", journey.value().toString())
                        .param("question", "koffer").param("theme", theme.id().value().toString()))
                .andDo(r -> assertThat(fields(r)).as("asked by two: not a question shown").containsExactly("question"));
        mvc.perform(post("/failure-demand/actions").with(user(analyst)).with(csrf())
                        .param("from", monday.toString()).param("to", monday.plusDays(13).toString()).param("journey", journey.value().toString())
                        .param("question", "bevest").param("theme", theme.id().value().toString()).param("dueOn", "2027-02-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(back))
                .andExpect(flash().attribute("opened", "bevestiging"));

        ImprovementAction action = actions.all().stream().filter(a -> a.themes().contains(theme.id())).findFirst().orElseThrow();
        assertThat(action.titleNl()).isEqualTo("Faalvraag verminderen: vragen over „bevestiging”");
        assertThat(action.titleEn()).isEqualTo("Reduce failure demand: questions about \"bevestiging\"");
        assertThat(action.descriptionNl()).contains("7 contacten waren faalvraag")
                .contains("/failure-demand?from=" + monday + "&to=" + monday.plusDays(13) + "#question-bevest")
                .doesNotContain(journey.value().toString()).doesNotContain("Nog steeds");
        assertThat(action.owner()).isEqualTo(analyst.id().value());
        assertThat(action.dueOn()).isEqualTo(LocalDate.parse("2027-02-01"));
        assertThat(actions.all()).filteredOn(a -> a.themes().contains(theme.id())).as("the refused posts opened nothing").hasSize(1);
    }

    private static List<String> fields(org.springframework.test.web.servlet.MvcResult result) {
        Object errors = result.getFlashMap().get("errors");
        assertThat(errors).isInstanceOf(List.class);
        return ((List<?>) errors).stream().map(e -> ((nl.buitenin.platform.InvalidInputException.FieldError) e).field()).toList();
    }

    private static KindCount kind(JourneyFigures figures, FailureKind kind) {
        return figures.kinds().stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
    }

    private InteractionInput contact(TouchpointId touchpoint, int day, PersonKey person, String reason) {
        Instant at = monday.plusDays(day).atTime(LocalTime.NOON).atZone(zone).toInstant();
        return new InteractionInput(UUID.randomUUID().toString(), touchpoint.value().toString(), at.toString(),
                person == null ? null : person.value(), "CONTACT", reason, null);
    }

    private StoredUser staff(Role role) {
        String name = "fd-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
