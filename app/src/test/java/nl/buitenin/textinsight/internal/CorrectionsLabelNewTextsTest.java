package nl.buitenin.textinsight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;
import nl.buitenin.textinsight.TextSource;

/**
 * Analysts' corrections label new texts, through the real paths (notes recorded, analysed after commit, corrected,
 * the model fitted on the corrected notes' texts): in English, where the correction model measurably helps, sixty
 * corrections that teach that queueing is negative make a new, uncorrected English text the lexicon calls neutral come out
 * negative; the same corrections in Dutch change nothing, the lexicon keeps its label there. A corrected text keeps the
 * analyst's label.
 */
@DatabaseTest
@TestPropertySource(properties = "buitenin.textinsight.theme-model-rebuild=0s")
class CorrectionsLabelNewTextsTest {

    @Autowired
    Notes notes;
    @Autowired
    Analyses analyses;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private final List<String> corrected = new ArrayList<>();

    @Test
    void englishCorrectionsRelabelANewEnglishTextAndDutchOnesChangeNothing() throws Exception {
        TouchpointId touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip"))), new Names("Onderweg", "On the way")),
                new Names(Unique.name("Balie"), Unique.name("Desk")), Channel.PHONE, null);
        String english = "We queued for %d minutes at the desk and the phone kept ringing.";
        String dutch = "We stonden %d minuten in de rij bij de balie.";
        Map<String, SentimentLabel> taught = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            taught.put(String.format(Locale.ROOT, english, 10 + i), SentimentLabel.NEGATIVE);
            taught.put(String.format(Locale.ROOT, "The bus left the station at %d minutes past nine and arrived in town.", i), SentimentLabel.NEUTRAL);
            taught.put(String.format(Locale.ROOT, "The guide was wonderful and the walk of %d kilometres was lovely.", i), SentimentLabel.POSITIVE);
            taught.put(String.format(Locale.ROOT, dutch, 10 + i), SentimentLabel.NEGATIVE);
            taught.put(String.format(Locale.ROOT, "De bus vertrok om %d minuten over negen van het station naar de stad.", i), SentimentLabel.NEUTRAL);
            taught.put(String.format(Locale.ROOT, "De gids was geweldig en de wandeling van %d kilometer was prachtig.", i), SentimentLabel.POSITIVE);
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        // the lexicon reads the queueing as neutral: the corrections teach it something it gets wrong
        assertThat(analyzer.analyze(String.format(Locale.ROOT, english, 11)).sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyzer.analyze(String.format(Locale.ROOT, dutch, 11)).sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);

        EventsHandled handled = EventsHandled.since(registry);
        Map<UUID, SentimentLabel> recorded = new java.util.LinkedHashMap<>();
        taught.forEach((text, label) -> recorded.put(note(touchpoint, text), label));
        handled.await();
        recorded.forEach((id, label) -> {
            assertThat(analyses.correct(TextSource.NOTE, id.toString(), label, "analist", java.time.Instant.now())).isTrue();
            corrected.add(id.toString());
        });

        handled = EventsHandled.since(registry);
        String newEnglish = "Again we queued for an hour at the service desk.";
        String newDutch = "Weer een uur in de rij gestaan bij de balie.";
        assertThat(analyzer.analyze(newEnglish).sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
        SentimentLabel dutchLexicon = analyzer.analyze(newDutch).sentiment().label();
        UUID englishNote = note(touchpoint, newEnglish);
        UUID dutchNote = note(touchpoint, newDutch);
        handled.await();

        StoredAnalysis englishRead = analyses.find(TextSource.NOTE, englishNote.toString()).orElseThrow();
        assertThat(englishRead.text().language()).isEqualTo(Language.EN);
        assertThat(englishRead.label()).as("learnt from the English corrections").isEqualTo(SentimentLabel.NEGATIVE);
        StoredAnalysis dutchRead = analyses.find(TextSource.NOTE, dutchNote.toString()).orElseThrow();
        assertThat(dutchRead.text().language()).isEqualTo(Language.NL);
        assertThat(dutchRead.label()).as("Dutch keeps the lexicon's label").isEqualTo(dutchLexicon).isEqualTo(SentimentLabel.NEUTRAL);

        // a corrected text shows the analyst's label, whatever the model says
        UUID first = recorded.keySet().iterator().next();
        analyses.correct(TextSource.NOTE, first.toString(), SentimentLabel.POSITIVE, "analist", java.time.Instant.now());
        assertThat(analyses.find(TextSource.NOTE, first.toString()).orElseThrow().label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    /** The corrections stay out of the other tests sharing this database: without them the model is fitted again. */
    @AfterEach
    void forgetCorrections() {
        if (!corrected.isEmpty()) {
            jdbc.update("update textinsight_analysis set corrected_label = null, corrected_by = null, corrected_at = null "
                    + "where source_kind = 'NOTE' and source_ref in (:refs)", Map.of("refs", corrected));
            events.publishEvent(new SentimentCorrected());
        }
    }

    private UUID note(TouchpointId touchpoint, String text) {
        return notes.record(new Notes.NoteInput(touchpoint.value().toString(), "focus_group", text, null, null), "analist").id();
    }
}
