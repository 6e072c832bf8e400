package nl.buitenin.textinsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.textinsight.internal.Analyses;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.StoredAnalysis;

/**
 * Texts are analysed after their commit through the real paths: an answer's comment, a complaint's text and a note
 * each get one stored analysis with their person and touchpoint; a replayed event adds nothing and keeps a correction;
 * a text the purpose refuses is not analysed; and an answer is stored even when the analysis fails.
 */
@DatabaseTest
class TextAnalysisAfterCommitTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Analyses analyses;
    @Autowired
    Notes notes;
    @Autowired
    Cases cases;
    @Autowired
    JdbcResponses responses;

    TextInsightFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = TextInsightFixture.in(context);
    }

    @Test
    void aCommentIsAnalysedAfterTheAnswerWithItsPersonAndTouchpoint() throws Exception {
        PersonKey anna = fixture.person("Anna");
        EventsHandled handled = EventsHandled.since(registry);
        UUID response = fixture.answered(anna, "De gids was geweldig en de route prachtig.");
        handled.await();

        StoredAnalysis stored = analyses.find(TextSource.COMMENT, response.toString()).orElseThrow();
        assertThat(stored.text().person()).isEqualTo(anna);
        assertThat(stored.text().touchpoint()).isEqualTo(fixture.touchpoint);
        assertThat(stored.text().language()).isEqualTo(Language.NL);
        assertThat(stored.text().sentiment()).isPositive();
        assertThat(stored.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(readsOf(anna)).as("the read is logged under the purpose").isEqualTo(1);
    }

    /**
     * A new comment gets the taxonomy's themes it is about as automatic tags with a confidence (from the themes'
     * example phrases), which loop shows as suggestions for an analyst to confirm or reject; a replay adds none.
     */
    @Test
    void aCommentGetsSuggestedThemesFromTheExamplePhrases() throws Exception {
        nl.buitenin.loop.internal.Themes themes = context.getBean(nl.buitenin.loop.internal.Themes.class);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var luggage = themes.add("bagage " + unique, "luggage " + unique, null, List.of("mijn koffer was niet aangekomen",
                "bagage kwijtgeraakt", "de koffer stond niet in het hotel", "bagagevervoer liep mis", "koffer kwam te laat"));
        // A taxonomy has more than one theme: each theme's model learns from the others' examples what it is not.
        themes.add("wachten " + unique, "waiting " + unique, null, List.of("drie kwartier in de wacht", "niemand nam op",
                "niet teruggebeld zoals beloofd", "keuzemenu met zes opties", "lang wachten aan de telefoon"));
        PersonKey anna = fixture.person("Anna");
        EventsHandled handled = EventsHandled.since(registry);
        UUID response = fixture.answered(anna, "Twee dagen zonder koffer: de bagage was niet aangekomen in het hotel.");
        handled.await();

        List<nl.buitenin.loop.ThemeTag> tags = context.getBean(nl.buitenin.loop.ThemeTagging.class)
                .tagsOf(nl.buitenin.loop.TagSubject.answer(response));
        assertThat(tags).filteredOn(t -> t.theme().equals(luggage.id())).singleElement().satisfies(tag -> {
            assertThat(tag.kind()).isEqualTo(nl.buitenin.loop.ThemeTagging.Tagger.SUGGESTER);
            assertThat(tag.state()).isEqualTo(nl.buitenin.loop.ThemeTag.State.SUGGESTED);
            assertThat(tag.confidence()).isBetween(ThemeModelThreshold.EXAMPLES, 1.0);
        });
    }

    /** The threshold the model suggests from (examples only), as a plain number for the assertion above. */
    private static final class ThemeModelThreshold {
        static final double EXAMPLES = nl.buitenin.insight.text.ThemeModel.EXAMPLES_THRESHOLD;
    }

    @Test
    void aReplayedEventAddsNothingReadsNothingAndKeepsTheCorrection() throws Exception {
        PersonKey bas = fixture.person("Bas");
        EventsHandled handled = EventsHandled.since(registry);
        UUID response = fixture.answered(bas, "Slecht eten, vieze kamers en een onvriendelijke gids.");
        handled.await();
        assertThat(analyses.find(TextSource.COMMENT, response.toString()).orElseThrow().label()).isEqualTo(SentimentLabel.NEGATIVE);
        analyses.correct(TextSource.COMMENT, response.toString(), SentimentLabel.NEUTRAL, "analist", Instant.now());

        handled = EventsHandled.since(registry);
        CompletedResponse completed = completed(response, bas, Instant.now());
        transactions.executeWithoutResult(s -> events.publishEvent(new ResponsesCompleted(List.of(completed))));
        handled.await();

        assertThat(count(response)).isEqualTo(1);
        StoredAnalysis stored = analyses.find(TextSource.COMMENT, response.toString()).orElseThrow();
        assertThat(stored.label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(stored.text().label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(readsOf(bas)).as("the text was not read again").isEqualTo(1);
    }

    @Test
    void aTextThePurposeRefusesIsNotAnalysedAndTheRestOfTheBatchIs() throws Exception {
        PersonKey carla = fixture.person("Carla");
        PersonKey daan = fixture.person("Daan");
        EventsHandled handled = EventsHandled.since(registry);
        UUID refused = fixture.answered(carla, "Het eten was koud.");
        UUID allowed = fixture.answered(daan, "Mooie wandeling.");
        handled.await();
        jdbc.update("delete from textinsight_analysis where source_ref in (?, ?)", refused.toString(), allowed.toString());

        // Carla's answer said to be four years old, past the 36 months of "service improvement"; Daan's of today.
        handled = EventsHandled.since(registry);
        CompletedResponse old = completed(refused, carla, Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        CompletedResponse recent = completed(allowed, daan, Instant.now());
        transactions.executeWithoutResult(s -> events.publishEvent(new ResponsesCompleted(List.of(old, recent))));
        handled.await();

        assertThat(count(refused)).isZero();
        assertThat(count(allowed)).as("one refused text does not take the batch with it").isEqualTo(1);
    }

    @Test
    void theAnswerIsStoredWhenTheAnalysisFails() throws Exception {
        PersonKey dirk = fixture.person("Dirk");
        jdbc.execute("alter table textinsight_analysis rename to textinsight_analysis_away");
        UUID response;
        try {
            EventsHandled handled = EventsHandled.since(registry);
            response = fixture.answered(dirk, "Prima reis.");
            handled.await();
        } finally {
            jdbc.execute("alter table textinsight_analysis_away rename to textinsight_analysis");
        }
        assertThat(responses.byId(response).orElseThrow().status()).isEqualTo(ResponseStatus.COMPLETED);
        assertThat(count(response)).as("the analysis failed: nothing stored").isZero();
        assertThat(registry.findIncompletePublications()).as("the failed analysis stays to be retried")
                .anyMatch(p -> p.getEvent() instanceof ResponsesCompleted r && r.responses().get(0).response().equals(response));
    }

    @Test
    void aComplaintsTextAndANoteAreAnalysed() throws Exception {
        PersonKey eva = fixture.person("Eva");
        EventsHandled handled = EventsHandled.since(registry);
        CaseId complaint = cases.openFor(CaseSource.complaint("t-" + UUID.randomUUID()), CaseType.COMPLAINT, eva, fixture.touchpoint,
                "Ik ben heel boos: de bus kwam twee uur te laat en niemand belde.");
        Notes.Note note = transactions.execute(s -> notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "focus_group",
                "The guides were wonderful and everybody loved the stories.", null, null), "analist"));
        handled.await();

        StoredAnalysis caseText = analyses.find(TextSource.CASE, complaint.toString()).orElseThrow();
        assertThat(caseText.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(caseText.text().person()).isEqualTo(eva);
        StoredAnalysis noteText = analyses.find(TextSource.NOTE, note.id().toString()).orElseThrow();
        assertThat(noteText.text().language()).isEqualTo(Language.EN);
        assertThat(noteText.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(noteText.text().person()).isNull();
        assertThat(noteText.text().touchpoint()).isEqualTo(fixture.touchpoint);
    }

    @Test
    void aNotePastTheRetentionOfServiceImprovementLosesItsTextAndPerson() throws Exception {
        PersonKey fleur = fixture.person("Fleur");
        EventsHandled handled = EventsHandled.since(registry);
        Notes.Note old = transactions.execute(s -> notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "PHONE_CALL",
                "Fleur belde over haar bagage.", fleur.value(), "2001-03-01T10:00:00+01:00"), "medewerker"));
        Notes.Note recent = transactions.execute(s -> notes.record(new Notes.NoteInput(fixture.touchpoint.value().toString(), "PHONE_CALL",
                "Fleur belde opnieuw.", fleur.value(), null), "medewerker"));
        handled.await();
        assertThat(analyses.find(TextSource.NOTE, old.id().toString())).as("past retention already: not read, not analysed").isEmpty();

        handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> events.publishEvent(
                new RetentionExpired(PurposeId.SERVICE_IMPROVEMENT, Instant.parse("2002-01-01T00:00:00Z"))));
        handled.await();

        Notes.Note expired = notes.byId(old.id()).orElseThrow();
        assertThat(expired.text()).isEqualTo("[bewaartermijn verstreken]");
        assertThat(expired.person()).isNull();
        assertThat(notes.byId(recent.id()).orElseThrow().text()).isEqualTo("Fleur belde opnieuw.");
        assertThat(analyses.find(TextSource.NOTE, recent.id().toString()).orElseThrow().text().person()).isEqualTo(fleur);
    }

    private CompletedResponse completed(UUID response, PersonKey person, Instant at) {
        return new CompletedResponse(response, "answer:" + response, responses.byId(response).orElseThrow().survey(), person,
                fixture.touchpoint, List.of(), List.of(), "", at);
    }

    private long count(UUID response) {
        return jdbc.queryForObject("select count(*) from textinsight_analysis where source_kind = 'COMMENT' and source_ref = ?", Long.class,
                response.toString());
    }

    private long readsOf(PersonKey person) {
        return jdbc.queryForObject("select count(*) from privacy_access_log where person_key = ? and refusal is null and what like 'text analysis%'", Long.class,
                person.value());
    }
}
