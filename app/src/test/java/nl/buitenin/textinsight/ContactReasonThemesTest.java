package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.DemandReadings;

/**
 * Contact reasons get suggested themes of the organisation's taxonomy after their batch committed, through the same step
 * as comments, cases and notes: keyed by the random id text insight gives a read contact, shown with the failure-demand
 * page's example reasons, confirmed or rejected there by an analyst (not by an agent), learnt by the theme model, counted
 * on the journey map per touchpoint, exported with the person and unlinked from them on erasure and past the retention
 * of the reason.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "buitenin.textinsight.theme-model-rebuild=0s")
class ContactReasonThemesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    InteractionIngest ingest;
    @Autowired
    DemandReadings readings;
    @Autowired
    Themes themes;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    List<PersonalDataSource> sources;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TouchpointThemes touchpointThemes;
    @Autowired
    Organisations organisations;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    TextInsightFixture fixture;
    String unique;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRefundReasonGetsTheRefundThemeThatAnAnalystConfirmsOnTheFailureDemandPageAndTheModelLearns() throws Exception {
        ThemeId refund = taxonomy();
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> reasons = List.of("Terugbetaling van de reissom nog steeds niet ontvangen", "Wanneer komt mijn terugbetaling?",
                "Belt over de terugbetaling na de annulering", "Nog geen terugbetaling, wacht al weken", "waar blijft mijn terugbetaling");
        List<PersonKey> people = new ArrayList<>();
        List<InteractionInput> contacts = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            people.add(fixture.person("Klant " + i));
            contacts.add(contact(unique + "-" + i, at.plus(i, ChronoUnit.MINUTES), people.get(i), reasons.get(i)));
        }
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(contacts);
        handled.await();

        UUID waarBlijft = contactOf(unique + "-4");
        ThemeTag suggested = tagOf(TagSubject.contactReason(waarBlijft), refund);
        assertThat(suggested).as("suggested after the commit, from the example phrases").isNotNull();
        assertThat(suggested.state()).isEqualTo(ThemeTag.State.SUGGESTED);
        assertThat(suggested.kind()).as("marked as automatic").isEqualTo(ThemeTagging.Tagger.SUGGESTER);
        assertThat(suggested.confidence()).isNotNull().isBetween(0.0, 1.0);
        assertThat(exported(people.get(4), "reason-themes")).as("the tags follow the person into the export")
                .hasSize(tagging.tagsOf(TagSubject.contactReason(waarBlijft)).size());
        assertThat(jdbc.sql("select count(*) from loop_reason_theme where contact_id = :c and person_key = :p and touchpoint_id = :t")
                .param("c", waarBlijft).param("p", people.get(4).value()).param("t", fixture.touchpoint.value()).query(Long.class).single())
                .as("the tag knows whose contact it is and where").isPositive();

        LocalDate day = LocalDate.ofInstant(at, organisations.current().timeZone());
        StoredUser analyst = staff(Role.ANALYST);
        String page = mvc.perform(get("/failure-demand").param("from", day.toString()).param("to", day.plusDays(1).toString())
                .with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String confirm = "/failure-demand/reasons/" + waarBlijft + "/themes/" + refund.value() + "/confirm";
        assertThat(page).as("the newest example reason shows its theme with the buttons").contains("waar blijft mijn terugbetaling")
                .contains("terugbetaling " + unique).contains(confirm);

        mvc.perform(post(confirm).with(user(staff(Role.AGENT))).with(csrf()).header("HX-Request", "true")).andExpect(status().isForbidden());
        assertThat(tagOf(TagSubject.contactReason(waarBlijft), refund).state()).isEqualTo(ThemeTag.State.SUGGESTED);

        handled = EventsHandled.since(registry);
        String fragment = mvc.perform(post(confirm).with(user(analyst)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        handled.await();
        assertThat(fragment).contains("id=\"reason-" + waarBlijft + "\"").contains("automatisch, bevestigd").doesNotContain(confirm);
        ThemeTag confirmed = tagOf(TagSubject.contactReason(waarBlijft), refund);
        assertThat(confirmed.state()).isEqualTo(ThemeTag.State.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo(analyst.username());

        // A rejection on one reason is learnt: the same words in a new contact no longer get the theme.
        UUID other = contactOf(unique + "-1");
        assertThat(tagOf(TagSubject.contactReason(other), refund)).isNotNull();
        handled = EventsHandled.since(registry);
        mvc.perform(post("/failure-demand/reasons/" + other + "/themes/" + refund.value() + "/reject").with(user(analyst)).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk());
        handled.await();
        assertThat(tagOf(TagSubject.contactReason(other), refund).state()).isEqualTo(ThemeTag.State.REJECTED);

        handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(unique + "-again", at.plus(1, ChronoUnit.HOURS), null, reasons.get(1))));
        handled.await();
        assertThat(tagOf(TagSubject.contactReason(contactOf(unique + "-again")), refund)).as("the model learnt from the rejection").isNull();
        assertThat(jdbc.sql("select count(*) from privacy_access_log where person_key = :p and refusal is null "
                        + "and what = 'learning themes from a contact reason'").param("p", people.get(4).value()).query(Long.class).single())
                .as("the confirmed reason was read under the purpose to learn from, and the read logged").isPositive();

        // Counted on the journey map: the confirmed theme at the contact's touchpoint.
        List<ThemeCount> top = touchpointThemes.top(day, day.plusDays(1), 10).get(fixture.touchpoint);
        assertThat(top).as("themes per touchpoint count contact reasons").isNotNull()
                .anySatisfy(count -> assertThat(count.nameNl()).isEqualTo("terugbetaling " + unique));
    }

    @Test
    void erasureUnlinksTheThemesOfTheirContactReasonsAndTheirExportNoLongerHoldsThem() throws Exception {
        ThemeId refund = taxonomy();
        PersonKey gerrit = fixture.person("Gerrit");
        Instant at = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(unique + "-g", at, gerrit, "waar blijft mijn terugbetaling")));
        handled.await();
        UUID contact = contactOf(unique + "-g");
        assertThat(tagOf(TagSubject.contactReason(contact), refund)).isNotNull();
        assertThat(exported(gerrit, "reason-themes")).isNotEmpty();

        handled = EventsHandled.since(registry);
        assertThat(erasure.erase(gerrit, "test")).isTrue();
        handled.await();

        assertThat(exported(gerrit, "reason-themes")).isEmpty();
        assertThat(jdbc.sql("select count(*) from loop_reason_theme where person_key = :p").param("p", gerrit.value()).query(Long.class)
                .single()).as("no tag is linked to them any more").isZero();
        assertThat(tagOf(TagSubject.contactReason(contact), refund)).as("the theme of the anonymous contact still counts").isNotNull();
    }

    /** Past the retention of "feedback" the reason loses its person in journey, and so do the themes found in it. */
    @Test
    void pastTheRetentionOfFeedbackTheThemesOfAReasonLoseThePersonAsTheReasonDoes() throws Exception {
        ThemeId refund = taxonomy();
        PersonKey henk = fixture.person("Henk");
        Instant old = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant recent = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        EventsHandled handled = EventsHandled.since(registry);
        ingest.ingest(List.of(contact(unique + "-old", old, henk, "waar blijft mijn terugbetaling"),
                contact(unique + "-recent", recent, henk, "Terugbetaling nog steeds niet ontvangen")));
        handled.await();
        UUID oldContact = contactOf(unique + "-old");
        UUID recentContact = contactOf(unique + "-recent");
        assertThat(tagOf(TagSubject.contactReason(oldContact), refund)).isNotNull();
        assertThat(tagOf(TagSubject.contactReason(recentContact), refund)).isNotNull();

        handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK,
                Instant.now().minus(30, ChronoUnit.DAYS))));
        handled.await();

        assertThat(personOf(oldContact)).as("past the retention: the theme stays, the person goes").containsOnlyNulls().isNotEmpty();
        assertThat(personOf(recentContact)).as("within it").isNotEmpty().containsOnly(henk.value());
    }

    private List<String> personOf(UUID contact) {
        return jdbc.sql("select person_key from loop_reason_theme where contact_id = :c").param("c", contact).query(String.class).list();
    }

    private ThemeId taxonomy() {
        ThemeId refund = themes.add("terugbetaling " + unique, "refund " + unique, null, List.of("geld nog niet teruggestort",
                "wanneer krijg ik mijn geld terug", "terugbetaling duurt lang", "restitutie van de reissom", "terugbetaling na annulering"))
                .id();
        themes.add("bagage " + unique, "luggage " + unique, null, List.of("mijn koffer was niet aangekomen", "bagage kwijtgeraakt",
                "de koffer stond niet in het hotel", "bagagevervoer liep mis", "koffer kwam te laat"));
        themes.add("telefoon " + unique, "phone " + unique, null, List.of("drie kwartier in de wacht", "niemand nam op aan de telefoon",
                "niet teruggebeld zoals beloofd", "keuzemenu met zes opties", "lang wachten aan de telefoon"));
        return refund;
    }

    private UUID contactOf(String sourceId) {
        DemandReadings.Contact contact = readings.contacts(List.of(sourceId)).get(sourceId);
        assertThat(contact).as("contact " + sourceId + " was read").isNotNull();
        return contact.contact();
    }

    private ThemeTag tagOf(TagSubject subject, ThemeId theme) {
        return tagging.tagsOf(subject).stream().filter(t -> t.theme().equals(theme)).findFirst().orElse(null);
    }

    private List<?> exported(PersonKey person, String section) {
        return sources.stream().filter(s -> s.section().equals(section)).findFirst().orElseThrow().export(person);
    }

    private InteractionInput contact(String sourceId, Instant at, PersonKey person, String reason) {
        return new InteractionInput(sourceId, fixture.touchpoint.value().toString(), at.toString(), person == null ? null : person.value(),
                "CONTACT", reason, null);
    }

    private StoredUser staff(Role role) {
        String name = "cr-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
