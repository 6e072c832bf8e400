package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

/**
 * The one path of a completed response, with an invited response and new ones in the same batch: what is stored, counted
 * and published, and what a second completion of the same source or response does (nothing).
 */
@DatabaseTest
@RecordApplicationEvents
class CompletionsTest {

    @Autowired
    Completions completions;
    @Autowired
    JdbcResponses responses;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    ApplicationEvents events;

    @Test
    void storesCountsAndPublishesABatchOnceAndLeavesOutWhatWasThereAlready() {
        Survey survey = survey();
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        PersonKey eva = new PersonKey("p_evaevaevaevaevaevaevaevaev");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        UUID invitedId = responses.create(survey.id(), touchpoint, eva, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "en",
                ResponseStatus.INVITED, at.minus(1, ChronoUnit.DAYS), at.plus(13, ChronoUnit.DAYS)).orElseThrow();
        Response invited = responses.byId(invitedId).orElseThrow();
        String source = "api:" + UUID.randomUUID();
        List<GivenAnswer> detractor = List.of(GivenAnswer.score("nps", 3), GivenAnswer.choices("tempo", List.of("te-snel")),
                GivenAnswer.text("beter", "Een rustiger groep"));
        List<GivenAnswer> promoter = List.of(GivenAnswer.score("nps", 9));

        List<Optional<CompletedResponse>> outcome = completions.complete(List.of(
                Completions.Completion.ofInvited(invited, survey, detractor, at),
                Completions.Completion.received(survey, touchpoint, null, source, ResponseChannel.IMPORT, "nl", promoter, at),
                Completions.Completion.received(survey, touchpoint, null, source, ResponseChannel.IMPORT, "nl", promoter, at)));

        assertThat(outcome).hasSize(3);
        assertThat(outcome.get(0)).isPresent();
        assertThat(outcome.get(1)).isPresent();
        assertThat(outcome.get(2)).isEmpty();
        CompletedResponse first = outcome.get(0).orElseThrow();
        assertThat(first.response()).isEqualTo(invitedId);
        assertThat(first.person()).isEqualTo(eva);
        assertThat(first.caseRulesMatched()).containsExactly("DETRACTOR:nps");
        assertThat(first.summary()).isEqualTo("nps 3 · tempo: te-snel");

        Response stored = responses.byId(invitedId).orElseThrow();
        assertThat(stored.isCompleted()).isTrue();
        assertThat(stored.completedAt()).isEqualTo(at);
        assertThat(stored.answers()).containsExactlyInAnyOrderElementsOf(detractor);
        UUID received = outcome.get(1).orElseThrow().response();
        assertThat(responses.bySource(source)).contains(received);
        Response fresh = responses.byId(received).orElseThrow();
        assertThat(fresh.isCompleted()).isTrue();
        assertThat(fresh.channel()).isEqualTo(ResponseChannel.IMPORT);
        assertThat(fresh.answers()).containsExactly(GivenAnswer.score("nps", 9));

        assertThat(npsCounts(touchpoint, at)).containsExactly(1L, 1L);
        List<CompletedResponse> published = events.stream(ResponsesCompleted.class).flatMap(e -> e.responses().stream()).toList();
        assertThat(published).containsExactly(first, outcome.get(1).orElseThrow());

        // Again: the invited response was completed and the source has its response, so nothing is stored, counted or sent.
        List<Optional<CompletedResponse>> again = completions.complete(List.of(
                Completions.Completion.ofInvited(invited, survey, promoter, at),
                Completions.Completion.received(survey, touchpoint, null, source, ResponseChannel.IMPORT, "nl", promoter, at)));
        assertThat(again).containsExactly(Optional.empty(), Optional.empty());
        assertThat(responses.byId(invitedId).orElseThrow().answers()).containsExactlyInAnyOrderElementsOf(detractor);
        assertThat(npsCounts(touchpoint, at)).containsExactly(1L, 1L);
        assertThat(events.stream(ResponsesCompleted.class).flatMap(e -> e.responses().stream())).hasSize(2);
    }

    @Test
    void aReplayIsStoredAndCountedButNotPublished() {
        Survey survey = survey();
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        List<Optional<CompletedResponse>> outcome = completions.replay(List.of(Completions.Completion.invitedAndReceived(survey,
                touchpoint, null, "demo:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl", at.minusSeconds(3600),
                at.plus(14, ChronoUnit.DAYS), List.of(GivenAnswer.score("nps", 3)), at)));

        assertThat(outcome.get(0)).isPresent();
        assertThat(outcome.get(0).get().caseRulesMatched()).containsExactly("DETRACTOR:nps");
        Response stored = responses.byId(outcome.get(0).get().response()).orElseThrow();
        assertThat(stored.isCompleted()).isTrue();
        assertThat(stored.invitedAt()).isEqualTo(at.minusSeconds(3600));
        assertThat(stored.expiresAt()).isEqualTo(at.plus(14, ChronoUnit.DAYS));
        assertThat(npsCounts(touchpoint, at)).containsExactly(1L);
        assertThat(events.stream(ResponsesCompleted.class)).isEmpty();
    }

    /** The NPS answers counted at the touchpoint on the answer's day: the count of each value given, lowest value first. */
    private List<Long> npsCounts(TouchpointId touchpoint, Instant at) {
        LocalDate day = at.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
        var slices = histograms.summarise(new ScoreQuery(Set.of(touchpoint), day.minusDays(1), day.plusDays(1), "nps", Grouping.TOTAL,
                true));
        if (slices.isEmpty()) {
            return List.of();
        }
        List<Long> counts = new java.util.ArrayList<>();
        for (int value = 0; value <= 10; value++) {
            long n = slices.get(0).histogram().count(value);
            if (n > 0) {
                counts.add(n);
            }
        }
        return counts;
    }

    private Survey survey() {
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        SurveyDefinition definition = new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(),
                List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null)));
        Survey survey = Survey.draft(definition, Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }
}
