package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.SuggestedThemes;
import nl.buitenin.textinsight.internal.SuggestedThemes.State;
import nl.buitenin.textinsight.internal.SuggestedThemes.Suggestion;

/**
 * Suggested new themes on the organisation's own texts: the untagged comments, case texts and notes of a period are
 * clustered (read under "service improvement"), stored with references to their texts, and an analyst adopts one (a
 * theme of the taxonomy with its phrases) or dismisses one (not suggested again). Each test uses a day of its own in
 * the past for its notes, so other tests' texts do not fall into its period.
 */
@DatabaseTest
class SuggestedThemesTest {

    static final List<String> PARKING = List.of(
            "De parkeerplaats bij het startpunt was niet te vinden.",
            "Geen parkeerplaats bij het startpunt, we hebben een uur gezocht.",
            "De parkeerplaats bij het startpunt was vol.",
            "Waar is de parkeerplaats bij het startpunt? Nergens aangegeven.",
            "Parkeerplaats bij het startpunt te klein voor een busje.",
            "Bij het startpunt was de parkeerplaats afgesloten.");
    static final List<String> LUNCH = List.of(
            "Het lunchpakket was te klein voor een hele dag lopen.",
            "Lunchpakket droog en te klein.",
            "Het lunchpakket was weer te klein, neem zelf brood mee.",
            "Een groter lunchpakket zou fijn zijn, het was te klein.",
            "Lunchpakket te klein en zonder fruit.");
    static final List<String> WIFI = List.of(
            "De wifi in het hotel deed het niet.",
            "Geen wifi op de kamer, alleen in de lobby.",
            "De wifi in het hotel was erg traag.",
            "Wifi werkte de hele week niet in het hotel.",
            "Het wachtwoord van de wifi klopte niet.");
    static final List<String> MAP = List.of(
            "De kaart in het routeboek klopte niet met de borden.",
            "Op de kaart stond een pad dat er niet meer is.",
            "De kaart was te klein om te lezen.",
            "Een betere kaart graag, we liepen verkeerd.",
            "De kaart van dag drie ontbrak in het routeboek.");
    static final List<String> SUITCASE = List.of(
            "Mijn koffer stond niet in het volgende hotel.",
            "De koffer kwam pas 's avonds laat aan.",
            "Onze koffer was nat geworden in het busje.",
            "Een koffer is twee dagen zoek geweest.",
            "De koffer werd bij het verkeerde hotel afgeleverd.",
            "Koffer kwam beschadigd aan in het hotel.");
    static final List<String> BIKES = List.of(
            "De fiets had een lekke band op de eerste dag.",
            "Mijn fiets was te groot voor mij.",
            "De fiets had geen goede remmen.",
            "Een fiets met versnellingen zou fijn zijn.",
            "De fiets werd niet op tijd gebracht.");
    static final List<String> BREAKFAST = List.of(
            "Het ontbijt was pas om negen uur, te laat om te lopen.",
            "Ontbijt was karig en koud.",
            "Het ontbijt in het tweede hotel was heerlijk.",
            "Geen glutenvrij ontbijt, terwijl ik dat had gevraagd.",
            "Ontbijt te laat voor de lange etappe.");
    static final List<String> OTHER = List.of("De gids vertelde mooi over de streek.", "Prachtig weer en een mooie route.");

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    Notes notes;
    @Autowired
    SuggestedThemes suggested;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Erasure erasure;

    TextInsightFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
    }

    @Test
    void notesOfAPeriodAreClusteredAndAnAnalystAdoptsOneAndDismissesAnother() throws Exception {
        LocalDate day = aDayOfItsOwn();
        List<UUID> parking = noted(day, PARKING, null);
        noted(day, LUNCH, null);
        noted(day, OTHER, null);

        SuggestedThemes.Run run = suggested.discover(day, day, 10, "analist");
        assertThat(run.texts()).isEqualTo(PARKING.size() + LUNCH.size() + OTHER.size());
        assertThat(run.refused()).isZero();
        Suggestion parkingTheme = about("parkeerplaats");
        Suggestion lunchTheme = about("lunchpakket");
        assertThat(parkingTheme.size()).isGreaterThanOrEqualTo(4);
        assertThat(parkingTheme.state()).isEqualTo(State.SUGGESTED);
        assertThat(parkingTheme.examples()).hasSize(3).allSatisfy(example -> {
            assertThat(example.source()).isEqualTo(TextSource.NOTE);
            assertThat(PARKING).contains(example.text());
        });
        assertThat(members(parkingTheme)).isSubsetOf(parking.stream().map(UUID::toString).toList());

        // Adopt with an edited name: a theme of the taxonomy, its phrases the labels.
        String name = Unique.name("Parkeren");
        SuggestedThemes.Decision adopted = suggested.adopt(parkingTheme.id(), name, "Parking", null, "analist");
        ThemeDefinition theme = taxonomy.byId(adopted.theme().id()).orElseThrow();
        assertThat(theme.nameNl()).isEqualTo(name);
        assertThat(theme.nameEn()).isEqualTo("Parking");
        assertThat(theme.examples()).isEqualTo(parkingTheme.labels());
        assertThat(suggested.find(parkingTheme.id()).orElseThrow().state()).isEqualTo(State.ADOPTED);
        assertThat(suggested.find(parkingTheme.id()).orElseThrow().theme()).isEqualTo(theme.id());

        suggested.dismiss(lunchTheme.id(), "analist");
        assertThat(suggested.overview().suggestions()).extracting(Suggestion::id).doesNotContain(parkingTheme.id(), lunchTheme.id());

        // Decided once: a second decision is refused, and a new run does not suggest either cluster again.
        assertThatThrownBy(() -> suggested.dismiss(parkingTheme.id(), "analist")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> suggested.adopt(lunchTheme.id(), null, null, null, "analist")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> suggested.dismiss(UUID.randomUUID(), "analist")).isInstanceOf(NotFoundException.class);
        suggested.discover(day, day, 10, "analist");
        assertThat(suggested.overview().suggestions()).noneMatch(s -> labelled(s, "parkeerplaats") || labelled(s, "lunchpakket"));
    }

    @Test
    void aDutchNameInUseIsRefusedAndTheSuggestionStaysOpen() throws Exception {
        LocalDate day = aDayOfItsOwn();
        noted(day, WIFI, null);
        noted(day, MAP, null);
        noted(day, OTHER, null);
        suggested.discover(day, day, 10, "analist");
        Suggestion wifiTheme = about("wifi");
        String name = Unique.name("Bestaat al");
        taxonomy.add(name, name, List.of("iets"));

        assertThatThrownBy(() -> suggested.adopt(wifiTheme.id(), name, "Wi-fi", null, "analist")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> suggested.adopt(wifiTheme.id(), " ", "Wi-fi", List.of("x".repeat(201)), "analist"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("examples[0]"));
        assertThat(suggested.find(wifiTheme.id()).orElseThrow().state()).isEqualTo(State.SUGGESTED);
        assertThat(taxonomy.all()).noneMatch(t -> t.nameEn().equals("Wi-fi") && t.examples().equals(wifiTheme.labels()));
    }

    @Test
    void textsWithAConfirmedThemeAreLeftOutAndEveryTextIsReadUnderThePurpose() throws Exception {
        // Within the 36 months of "service improvement", so the person's notes are analysed at all; not today.
        LocalDate day = LocalDate.now(zone()).minusDays(30 + ThreadLocalRandom.current().nextInt(700));
        PersonKey person = fixture.person("Noor");
        List<UUID> suitcase = noted(day, SUITCASE, person);
        UUID old = noted(day, List.of("Ook mijn koffer was weg."), person).get(0);
        // Said to be four years old, past the 36 months of "service improvement": the purpose refuses it now.
        LocalDate longAgo = day.minusYears(4);
        jdbc.update("update textinsight_analysis set written_at = ? where source_ref = ?",
                java.sql.Timestamp.from(longAgo.atStartOfDay(zone()).plusHours(12).toInstant()), old.toString());

        SuggestedThemes.Run run = suggested.discover(day.minusYears(4), day.minusYears(4), 10, "analist");
        assertThat(run.refused()).isEqualTo(1);
        assertThat(run.texts()).isZero();

        suggested.discover(day, day, 10, "analist");
        assertThat(readsFor(person)).as("each note of the person was read for discovery and logged")
                .isGreaterThanOrEqualTo(SUITCASE.size());

        // Comments: a confirmed (hand-made) theme keeps a comment out of discovery; an unconfirmed one does not.
        List<UUID> answers = new java.util.ArrayList<>();
        EventsHandled handled = EventsHandled.since(registry);
        for (String text : SUITCASE) {
            answers.add(fixture.answered(person, text));
        }
        for (String text : OTHER) {
            fixture.answered(person, text);
        }
        handled.await();
        ThemeDefinition theme = taxonomy.add(Unique.name("Vervoer"), Unique.name("Transport"), List.of("bus", "trein"));
        tagging.tagAnswer(answers.get(0), theme.id(), "analist", ThemeTagging.Tagger.USER);
        LocalDate today = LocalDate.now(zone());
        suggested.discover(today, today, 10, "analist");
        List<String> clustered = jdbc.queryForList("select source_ref from textinsight_suggested_theme_text t join "
                + "textinsight_suggested_theme s on s.id = t.suggestion_id where s.state = 'SUGGESTED'", String.class);
        assertThat(clustered).doesNotContain(answers.get(0).toString());
        assertThat(clustered).containsAnyElementsOf(answers.subList(1, answers.size()).stream().map(UUID::toString).toList());
        assertThat(suitcase).isNotEmpty();
    }

    @Test
    void anErasedPersonsNameLeavesTheLabelsAndTheExamples() throws Exception {
        LocalDate day = LocalDate.now(zone()).minusDays(30 + ThreadLocalRandom.current().nextInt(700));
        String surname = "Zwartkop" + Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999), 36).replaceAll("[0-9]", "");
        PersonKey person = fixture.person("Fenna " + surname);
        List<String> aboutHer = List.of(
                "Fenna " + surname + " belde over haar koffer.",
                "Fenna " + surname + " belde over de factuur.",
                "Gisteren belde Fenna " + surname + " over het weer.",
                "Fenna " + surname + " belde over de gids.",
                "Fenna " + surname + " belde over de route.");
        noted(day, aboutHer, person);
        noted(day, OTHER, null);
        suggested.discover(day, day, 10, "analist");
        Suggestion about = about(surname.toLowerCase());
        assertThat(about.examples()).isNotEmpty().allSatisfy(example -> assertThat(example.text()).contains(surname));

        EventsHandled handled = EventsHandled.since(registry);
        assertThat(erasure.erase(person, "test")).isTrue();
        handled.await();

        Suggestion after = suggested.find(about.id()).orElseThrow();
        assertThat(after.labels()).noneMatch(label -> label.toLowerCase().contains(surname.toLowerCase()));
        assertThat(after.examples()).noneMatch(example -> example.text().contains(surname));
        assertThat(jdbc.queryForObject("select label_key from textinsight_suggested_theme where id = ?", String.class, about.id()))
                .doesNotContain(surname.toLowerCase());
    }

    @Test
    void aWrongPeriodOrCountIsRefusedNamingEachField() {
        LocalDate today = LocalDate.now(zone());
        assertThatThrownBy(() -> suggested.discover("gisteren", today.toString(), "nul", "analist"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("from", "count"));
        assertThatThrownBy(() -> suggested.discover(today.toString(), today.minusDays(1).toString(), "31", "analist"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("to", "count"));
        assertThatThrownBy(() -> suggested.discover(null, today.plusDays(1).toString(), null, "analist"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("to"));
        assertThatThrownBy(() -> suggested.discover(today.minusDays(400).toString(), today.toString(), null, "analist"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("from"));
        SuggestedThemes.Run run = suggested.discover(null, null, null, "analist");
        assertThat(run.to()).isEqualTo(today);
        assertThat(run.from()).isEqualTo(today.minusDays(SuggestedThemes.DEFAULT_DAYS - 1));
    }

    private Suggestion about(String word) {
        return suggested.overview().suggestions().stream().filter(s -> labelled(s, word)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion about " + word + " in " + suggested.overview().suggestions()));
    }

    private static boolean labelled(Suggestion suggestion, String word) {
        return suggestion.labels().stream().anyMatch(label -> label.toLowerCase().contains(word));
    }

    private List<String> members(Suggestion suggestion) {
        return jdbc.queryForList("select source_ref from textinsight_suggested_theme_text where suggestion_id = ? order by position",
                String.class, suggestion.id());
    }

    private long readsFor(PersonKey person) {
        return jdbc.queryForObject("select count(*) from privacy_access_log where person_key = ? and refusal is null and what = ?",
                Long.class, person.value(), "theme discovery");
    }

    /** Notes heard at noon of the day, analysed after their commit. */
    private List<UUID> noted(LocalDate day, List<String> texts, PersonKey person) throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        List<UUID> ids = new java.util.ArrayList<>();
        Instant noon = day.atStartOfDay(zone()).plusHours(12).toInstant();
        for (String text : texts) {
            ids.add(notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "OTHER", text,
                    person == null ? null : person.value(), noon.toString()), "medewerker").id());
        }
        handled.await();
        return ids;
    }

    private ZoneId zone() {
        return organisations.current().timeZone();
    }

    /** A day between 2010 and 2020 nobody else writes on; each test needs its own period. */
    private static LocalDate aDayOfItsOwn() {
        return LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650));
    }
}
