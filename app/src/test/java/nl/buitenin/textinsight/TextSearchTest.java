package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.privacy.internal.Purposes;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.TextSearch;

/**
 * Search through the real paths: texts are indexed when they are analysed after their commit, a word finds its other
 * forms in Dutch and English, touchpoint, period and sentiment narrow the search, an erased person's texts and name are
 * no longer found, and a text the purpose refuses is withheld and counted.
 */
@DatabaseTest
class TextSearchTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TextSearch search;
    @Autowired
    Notes notes;
    @Autowired
    Cases cases;
    @Autowired
    Erasure erasure;
    @Autowired
    Purposes purposes;

    TextInsightFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
    }

    @Test
    void aWordFindsItsOtherFormsInDutchAndEnglish() throws Exception {
        PersonKey anna = fixture.person("Anna");
        EventsHandled handled = EventsHandled.since(registry);
        UUID dutch = fixture.answered(anna, "De wachttijden aan de balie waren veel te lang.");
        UUID english = fixture.answered(fixture.person("Bob"), "The guides were friendly but the buses kept us waiting.");
        handled.await();

        assertThat(refs(find("wachttijd"))).containsExactly(dutch);
        assertThat(refs(find("WACHTTIJDEN balie"))).as("every word must occur, in any case").containsExactly(dutch);
        assertThat(refs(find("wachttijd bus"))).as("one word missing: not found").isEmpty();
        assertThat(refs(find("guide wait"))).containsExactly(english);
        assertThat(find("wachttijd").hits()).singleElement().satisfies(hit -> {
            assertThat(hit.excerpt()).contains("wachttijden");
            assertThat(hit.source()).isEqualTo(TextSource.COMMENT);
            assertThat(hit.touchpoint()).isEqualTo(fixture.touchpoint);
        });
    }

    @Test
    void touchpointPeriodAndSentimentNarrowTheSearch() throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        Instant lastMonth = Instant.now().minus(30, ChronoUnit.DAYS);
        Notes.Note old = note("Een klant vertelde dat de fietsroute slecht bewegwijzerd was, heel vervelend.", null, lastMonth);
        Notes.Note recent = note("Een klant vond de fietsroute prachtig en de bewegwijzering perfect.", null, Instant.now());
        handled.await();

        assertThat(refs(find("fietsroute"))).containsExactly(recent.id(), old.id());
        assertThat(refs(search.search(new TextSearch.Query("fietsroute", EnumSet.of(TextSource.NOTE), fixture.touchpoint,
                Instant.now().minus(7, ChronoUnit.DAYS), null, null), PurposeId.SERVICE_IMPROVEMENT)))
                .as("the last week only").containsExactly(recent.id());
        assertThat(refs(search.search(new TextSearch.Query("fietsroute", EnumSet.of(TextSource.NOTE), fixture.touchpoint,
                null, Instant.now().minus(7, ChronoUnit.DAYS), null), PurposeId.SERVICE_IMPROVEMENT)))
                .as("before last week").containsExactly(old.id());
        assertThat(refs(search.search(new TextSearch.Query("fietsroute", EnumSet.of(TextSource.NOTE), fixture.touchpoint,
                null, null, SentimentLabel.NEGATIVE), PurposeId.SERVICE_IMPROVEMENT))).as("negative only").containsExactly(old.id());
        assertThat(refs(search.search(new TextSearch.Query("fietsroute", EnumSet.of(TextSource.COMMENT, TextSource.CASE), null,
                null, null, null), PurposeId.SERVICE_IMPROVEMENT))).as("notes not asked for").isEmpty();
        assertThat(refs(search.search(new TextSearch.Query("fietsroute", EnumSet.of(TextSource.NOTE),
                new nl.buitenin.journey.TouchpointId(UUID.randomUUID()), null, null, null), PurposeId.SERVICE_IMPROVEMENT)))
                .as("another touchpoint").isEmpty();
    }

    @Test
    void anErasedPersonsTextsAndNameAreNoLongerFound() throws Exception {
        PersonKey gerrit = fixture.person("Gerrit Zonneveld");
        EventsHandled handled = EventsHandled.since(registry);
        UUID comment = fixture.answered(gerrit, "Het ontbijt in het hotel was koud en de koffie op.");
        CaseId complaint = cases.openFor(CaseSource.complaint("t-" + UUID.randomUUID()), CaseType.COMPLAINT, gerrit, fixture.touchpoint,
                "Ik wacht al drie weken op mijn terugbetaling van de annulering.");
        Notes.Note mention = note("Zonneveld belde over zijn terugbetaling; collega gaf uitleg over de annuleringsregels.", null, Instant.now());
        handled.await();
        assertThat(refs(find("ontbijt"))).containsExactly(comment);
        assertThat(refs(find("terugbetaling"))).containsExactlyInAnyOrder(complaint.value(), mention.id());
        assertThat(refs(find("zonneveld"))).containsExactly(mention.id());
        assertThat(jdbc.queryForObject("select count(*) from textinsight_term where person_key = ?", Long.class, gerrit.value()))
                .as("the index holds words of the person's texts").isPositive();

        handled = EventsHandled.since(registry);
        assertThat(erasure.erase(gerrit, "test")).isTrue();
        handled.await();

        assertThat(refs(find("ontbijt"))).as("their comment").isEmpty();
        assertThat(refs(find("terugbetaling"))).as("their complaint; the note about them stays findable by its other words")
                .containsExactly(mention.id());
        assertThat(refs(find("zonneveld"))).as("their name in somebody else's text").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from textinsight_term where person_key = ?", Long.class, gerrit.value())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from textinsight_term where term = 'zonneveld'", Long.class)).isZero();
    }

    @Test
    void aTextThePurposeRefusesIsWithheldAndCounted() throws Exception {
        PersonKey henk = fixture.person("Henk");
        EventsHandled handled = EventsHandled.since(registry);
        UUID comment = fixture.answered(henk, "De kanoverhuur aan de rivier was uitstekend geregeld.");
        Notes.Note anonymous = note("In de focusgroep prees iedereen de kanoverhuur.", null, Instant.now());
        handled.await();
        assertThat(refs(find("kanoverhuur"))).containsExactlyInAnyOrder(comment, anonymous.id());

        purposes.retire(PurposeId.SERVICE_IMPROVEMENT);
        try {
            TextSearch.Found found = find("kanoverhuur");
            assertThat(refs(found)).as("a note about nobody needs no purpose for a person").containsExactly(anonymous.id());
            assertThat(found.withheld()).isEqualTo(1);
        } finally {
            purposes.reinstate(PurposeId.SERVICE_IMPROVEMENT);
        }
        assertThat(jdbc.queryForObject("select count(*) from privacy_access_log where person_key = ? and what = 'a search in a comment' "
                + "and refusal is null", Long.class, henk.value())).as("each allowed read is logged").isEqualTo(1);
    }

    @Test
    void aTextChangedSinceItWasIndexedIsCheckedAgainstItsWordsNow() throws Exception {
        EventsHandled handled = EventsHandled.since(registry);
        Notes.Note note = note("De gids sprak vloeiend Frans en Duits.", null, Instant.now());
        handled.await();
        assertThat(refs(find("vloeiend"))).containsExactly(note.id());
        // Retention replaces an expired note's text; the index is cleared by its own listener, but a search in between
        // reads the text as it is now.
        jdbc.update("update textinsight_note set text = '[bewaartermijn verstreken]' where id = ?", note.id());
        assertThat(refs(find("vloeiend"))).isEmpty();
    }

    private Notes.Note note(String text, String person, Instant heardAt) {
        return transactions.execute(s -> notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "focus_group", text, person,
                heardAt.toString()), "analist"));
    }

    private TextSearch.Found find(String words) {
        return search.search(new TextSearch.Query(words, EnumSet.of(TextSource.COMMENT, TextSource.CASE, TextSource.NOTE), fixture.touchpoint,
                null, null, null), PurposeId.SERVICE_IMPROVEMENT);
    }

    private static List<UUID> refs(TextSearch.Found found) {
        return found.hits().stream().map(TextSearch.Hit::ref).toList();
    }
}
