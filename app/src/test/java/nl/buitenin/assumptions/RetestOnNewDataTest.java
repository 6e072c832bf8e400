package nl.buitenin.assumptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.RetestOnNewData;
import nl.buitenin.assumptions.internal.TestForm;
import nl.buitenin.assumptions.internal.Why;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Issue 21: an assumption is tested again when answers arrive, by event, without anybody reading it. An assumption
 * without data is stored "not yet testable: no data"; answers completed through listening's live path (which publishes
 * ResponsesCompleted) mark the verdicts stale, and the debounced re-test stores the new verdict, read back as stored
 * (not tested again on reading). On H2 and PostgreSQL.
 */
@DatabaseTest
class RetestOnNewDataTest {

    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    Completions completions;
    @Autowired
    Persons persons;
    @Autowired
    Organisations organisations;
    @Autowired
    AssumptionBook book;
    @Autowired
    RetestOnNewData retest;

    @Test
    void newAnswersChangeTheStoredVerdictWithoutAReading() throws Exception {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip")));
        TouchpointId touchpoint = journeys.addTouchpoint(journeys.addStage(journey, new Names("Onderweg", "On the way")),
                new Names(Unique.name("Wandeling"), Unique.name("Walk")), Channel.LOCATION, null);
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        LocalDate day = LocalDate.now(organisations.current().timeZone()).minusDays(3);
        UUID id = book.propose(new NewAssumption(Unique.name("De NPS ligt boven nul"), "Verkoop", null, journey, touchpoint, null));
        book.chooseTest(id, new TestForm("score", "nps", null, null, null, "at_least", "0", null, day.toString(), day.toString()));
        assertThat(book.byId(id).outcome().why()).isEqualTo(Why.NO_DATA);

        // 60 promoters and 10 detractors: NPS 71, the adjusted-Wald interval far above 0.
        List<Completions.Completion> batch = new ArrayList<>();
        Instant at = day.atTime(12, 0).atZone(organisations.current().timeZone()).toInstant();
        for (int i = 0; i < 70; i++) {
            batch.add(Completions.Completion.received(survey, touchpoint, persons.keyFor("klant-" + UUID.randomUUID()), "test:" + UUID.randomUUID(),
                    ResponseChannel.EMAIL, "nl", List.of(GivenAnswer.score("nps", i < 60 ? 10 : 2)), at));
        }
        completions.complete(batch);

        // The listener runs after the commit, on its own thread; the scheduled re-test may take the mark first.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (book.byId(id).outcome().verdict() != Verdict.CONFIRMED && Instant.now().isBefore(deadline)) {
            retest.retestIfStale();
            Thread.sleep(200);
        }
        assertThat(book.byId(id).outcome().verdict()).as("the stored verdict after the answers arrived").isEqualTo(Verdict.CONFIRMED);
        assertThat(book.byId(id).outcome().n()).isEqualTo(70);
    }
}
