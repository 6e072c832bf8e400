package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagsChanged;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.Notes;

/**
 * The server's theme model learns from what analysts say, through the real paths: a suggestion an analyst rejects is
 * not suggested again for the same words on a new text once the model was built again, a theme an analyst tags by hand
 * is, and notes get suggested themes that an analyst confirms or rejects on the
 * notes page. Each change of the tags is one {@code ThemeTagsChanged} event, handled after its commit; the model is
 * rebuilt at the next suggestion (the interval is 0 here; by default at most once a minute).
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "buitenin.textinsight.theme-model-rebuild=0s")
class ThemeLearningTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Themes themes;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    Notes notes;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    List<PersonalDataSource> sources;

    @Autowired
    ChangeCounter changes;

    TextInsightFixture fixture;
    String unique;

    /** Counts every ThemeTagsChanged as it is published, on whichever thread publishes it. */
    @TestConfiguration
    static class ChangeCounter {
        final AtomicLong published = new AtomicLong();

        @EventListener
        void on(ThemeTagsChanged changed) {
            published.incrementAndGet();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRejectedSuggestionIsNotSuggestedAgainForTheSameWordsAfterTheRebuild() throws Exception {
        ThemeId luggage = luggageAndWaiting();
        String text = "Mijn koffer stond op tijd in het hotel.";
        PersonKey anna = fixture.person("Anna");
        EventsHandled handled = EventsHandled.since(registry);
        UUID first = fixture.answered(anna, text);
        handled.await();
        assertThat(stateOf(TagSubject.answer(first), luggage)).as("suggested from the example phrases").isEqualTo(ThemeTag.State.SUGGESTED);

        long before = changes.published.get();
        handled = EventsHandled.since(registry);
        assertThat(tagging.reject(TagSubject.answer(first), luggage, "analist")).isTrue();
        handled.await();
        assertThat(changes.published.get() - before).as("one event for the rejection").isEqualTo(1);

        handled = EventsHandled.since(registry);
        UUID second = fixture.answered(fixture.person("Bas"), text);
        handled.await();
        assertThat(stateOf(TagSubject.answer(second), luggage)).as("the model learnt from the rejection").isNull();
        assertThat(changes.published.get() - before).as("the suggester's own suggestions publish no change").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from privacy_access_log where person_key = ? and refusal is null "
                + "and what = 'learning themes from a comment'", Long.class, anna.value()))
                .as("the tagged text was read under the purpose, and the read logged").isPositive();
    }

    @Test
    void aThemeTaggedByHandIsSuggestedForTheSameWordsAfterTheRebuild() throws Exception {
        themes.add("gids " + unique, "guide " + unique, null, List.of("de gids wist veel van de streek", "gids was onvriendelijk",
                "gids kende de weg niet", "gids regelde meteen een taxi", "gids sprak alleen Nederlands"));
        themes.add("eten " + unique, "food " + unique, null, List.of("elke dag hetzelfde lunchpakket", "nergens koffie onderweg",
                "lunchpakket vergeten", "rekening gehouden met mijn allergie", "ham op mijn brood"));
        ThemeId bikes = themes.add("fietsen " + unique, "bikes " + unique, null, List.of("het zadel was kapot",
                "de versnelling haperde", "huurfiets te groot", "geen slot bij de huurfiets", "lekke band onderweg")).id();
        String text = "De remmen piepten bij elke afdaling en de ketting sprong eraf.";
        EventsHandled handled = EventsHandled.since(registry);
        UUID first = fixture.answered(fixture.person("Cas"), text);
        handled.await();
        assertThat(stateOf(TagSubject.answer(first), bikes)).as("no example phrase shares a word with it").isNull();

        handled = EventsHandled.since(registry);
        assertThat(tagging.tagAnswer(first, bikes, "analist", ThemeTagging.Tagger.USER)).isTrue();
        handled.await();

        handled = EventsHandled.since(registry);
        UUID second = fixture.answered(fixture.person("Dirk"), text);
        handled.await();
        assertThat(stateOf(TagSubject.answer(second), bikes)).as("learnt from the analyst's tag").isEqualTo(ThemeTag.State.SUGGESTED);
    }

    @Test
    void aNoteGetsSuggestedThemesThatAnAnalystRejectsOnTheNotesPageAndTheyFollowThePerson() throws Exception {
        themes.add("route " + unique, "route " + unique, null, List.of("verkeerd gelopen bij de splitsing", "duidelijke kaartjes",
                "afstanden klopten niet", "pad bestond niet meer", "routebeschrijving alleen in het Nederlands"));
        ThemeId phone = themes.add("telefoon " + unique, "phone " + unique, null, List.of("drie kwartier in de wacht",
                "niemand nam op aan de telefoon", "niet teruggebeld zoals beloofd", "keuzemenu met zes opties",
                "lang wachten aan de telefoon")).id();
        PersonKey eva = fixture.person("Eva");
        String text = "Eva belde: ze hing drie kwartier in de wacht aan de telefoon.";
        EventsHandled handled = EventsHandled.since(registry);
        Notes.Note note = notes.record(new Notes.NoteInput(fixture.touchpoint.toString(), "PHONE_CALL", text, eva.value(), null), "medewerker");
        handled.await();
        assertThat(stateOf(TagSubject.note(note.id()), phone)).isEqualTo(ThemeTag.State.SUGGESTED);
        long found = tagging.tagsOf(TagSubject.note(note.id())).size();
        assertThat(exported(eva, "note-themes")).as("the tags follow the person into the export").hasSize((int) found);

        StoredUser analyst = staff(Role.ANALYST);
        String page = mvc.perform(get("/notes").with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("telefoon " + unique).contains("/notes/" + note.id() + "/themes/" + phone.value() + "/reject");
        mvc.perform(post("/notes/" + note.id() + "/themes/" + phone.value() + "/reject").with(user(staff(Role.AGENT))).with(csrf()))
                .andExpect(status().isForbidden());
        handled = EventsHandled.since(registry);
        mvc.perform(post("/notes/" + note.id() + "/themes/" + phone.value() + "/reject").with(user(analyst)).with(csrf())
                .header("HX-Request", "true")).andExpect(status().isOk());
        handled.await();
        assertThat(stateOf(TagSubject.note(note.id()), phone)).isEqualTo(ThemeTag.State.REJECTED);
        assertThat(exported(eva, "note-themes")).as("a rejected theme is no longer said of her note").hasSize((int) found - 1);

        handled = EventsHandled.since(registry);
        Notes.Note again = notes.record(new Notes.NoteInput(fixture.touchpoint.toString(), "PHONE_CALL", text, null, null), "medewerker");
        handled.await();
        assertThat(stateOf(TagSubject.note(again.id()), phone)).as("the model learnt from the rejection on the note").isNull();
    }

    private ThemeId luggageAndWaiting() {
        ThemeId luggage = themes.add("bagage " + unique, "luggage " + unique, null, List.of("mijn koffer was niet aangekomen",
                "bagage kwijtgeraakt", "de koffer stond niet in het hotel", "bagagevervoer liep mis", "koffer kwam te laat")).id();
        themes.add("wachten " + unique, "waiting " + unique, null, List.of("drie kwartier in de wacht", "niemand nam op",
                "niet teruggebeld zoals beloofd", "keuzemenu met zes opties", "lang wachten aan de telefoon"));
        return luggage;
    }

    private ThemeTag.State stateOf(TagSubject subject, ThemeId theme) {
        return tagging.tagsOf(subject).stream().filter(t -> t.theme().equals(theme)).map(ThemeTag::state).findFirst().orElse(null);
    }

    private List<?> exported(PersonKey person, String section) {
        return sources.stream().filter(s -> s.section().equals(section)).findFirst().orElseThrow().export(person);
    }

    private StoredUser staff(Role role) {
        String name = "tl-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "nl", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
