package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;

/**
 * The response rate on a hand-built set of invitations: of 12 sent in the last 30 days (two to the same person) 5
 * were answered in full and 2 only started; invitations older than 30 days and answers without an invitation (the
 * widget) do not count.
 */
@DatabaseTest
class ResponseRateStartPanelTest {

    @Autowired
    ResponseRateStartPanel panel;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcClient jdbc;

    UUID survey() {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey.id().value();
    }

    void response(UUID survey, String person, String status, Instant invitedAt) {
        jdbc.sql("insert into listening_response (id, survey_id, person_key, source_ref, channel, language, status, invited_at, "
                        + "completed_at, created_at) values (:id, :survey, :person, :source, 'EMAIL', 'nl', :status, :invited, :completed, :created)")
                .param("id", UUID.randomUUID()).param("survey", survey).param("person", person)
                .param("source", "rate-" + UUID.randomUUID()).param("status", status)
                .param("invited", invitedAt == null ? null : OffsetDateTime.ofInstant(invitedAt, ZoneOffset.UTC))
                .param("completed", status.equals("COMPLETED") ? OffsetDateTime.now(ZoneOffset.UTC) : null)
                .param("created", OffsetDateTime.ofInstant(invitedAt == null ? Instant.now() : invitedAt, ZoneOffset.UTC)).update();
    }

    @Test
    void theShareOfInvitationsOfTheLast30DaysAnsweredInFull() {
        UUID survey = survey();
        ResponseRateStartPanel.Counts before = panel.counts();
        Instant now = Instant.now();
        String twice = "p_" + "a".repeat(20) + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "b");
        for (int i = 0; i < 5; i++) {
            response(survey, null, "COMPLETED", now.minus(Duration.ofDays(i + 1)));
        }
        response(survey, null, "STARTED", now.minus(Duration.ofDays(2)));
        response(survey, null, "STARTED", now.minus(Duration.ofDays(3)));
        for (int i = 0; i < 3; i++) {
            response(survey, null, "INVITED", now.minus(Duration.ofDays(4)));
        }
        response(survey, twice, "INVITED", now.minus(Duration.ofDays(5)));
        response(survey, twice, "INVITED", now.minus(Duration.ofDays(6)));
        response(survey, null, "COMPLETED", now.minus(Duration.ofDays(31)));   // too long ago
        response(survey, null, "COMPLETED", null);                           // no invitation: the widget

        ResponseRateStartPanel.Counts after = panel.counts();

        assertThat(after.invited() - before.invited()).isEqualTo(12);
        assertThat(after.completed() - before.completed()).isEqualTo(5);
        assertThat(after.people() - before.people()).isEqualTo(11);
        StartFigure rate = ResponseRateStartPanel.figures(new ResponseRateStartPanel.Counts(12, 5, 11), new SmallCellRule(5)).get(0);
        Estimate expected = Intervals.share(5, 12);
        assertThat(rate.value()).isCloseTo(100.0 * 5 / 12, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rate.n()).isEqualTo(12);
        assertThat(rate.lower()).isEqualTo(expected.lower());
        assertThat(rate.upper()).isEqualTo(expected.upper());
        assertThat(rate.link()).isEqualTo("/surveys");
    }

    @Test
    void invitationsToFewerThanKPeopleAreHiddenAndNoneSaySo() {
        StartFigure hidden = ResponseRateStartPanel.figures(new ResponseRateStartPanel.Counts(6, 3, 4), new SmallCellRule(5)).get(0);
        assertThat(hidden.value()).isNull();
        assertThat(hidden.note().key()).isEqualTo("home.figure.hidden");
        assertThat(ResponseRateStartPanel.figures(new ResponseRateStartPanel.Counts(0, 0, 0), new SmallCellRule(5))).isEmpty();
    }
}
