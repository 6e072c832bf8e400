package nl.buitenin.listening.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.answers.AnswerBatches;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * A re-import after retention: answers whose person was let go past the retention of "feedback" (or who was
 * forgotten) do not come back when the same export is imported again; the report counts them apart. Anonymous and
 * recent rows are duplicates as before.
 */
@DatabaseTest
class ImportAfterRetentionTest {

    @Autowired
    AnswerImports imports;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    Persons persons;
    @Autowired
    Organisations organisations;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AnswerBatches batches;
    @Autowired
    JdbcJourneys journeys;

    @Test
    void expiredAndForgottenAnswersAreNotImportedAgain() throws Exception {
        Survey survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(new TouchpointId(UUID.randomUUID()))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String old = time(Instant.now().minus(3 * 365, ChronoUnit.DAYS));
        String recent = time(Instant.now().minus(2, ChronoUnit.DAYS));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "responseId,at,nps,customer\n"
                + "old-named-" + tag + "," + old + ",3,KLANT-OUD-" + tag + "\n"
                + "old-anonymous-" + tag + "," + old + ",8,\n"
                + "recent-named-" + tag + "," + recent + ",9,KLANT-NIEUW-" + tag + "\n";
        ColumnMapping mapping = new ColumnMapping("responseId", "at", "customer", null, null,
                List.of(new ColumnMapping.QuestionColumns("nps", List.of("nps"))));

        ImportResult first = imported(survey, csv, mapping);
        assertThat(first.created()).isEqualTo(3);

        Instant cutoff = Instant.now().minus(2 * 365, ChronoUnit.DAYS);
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK, cutoff)));
        awaitEventsHandled();
        PersonKey oldPerson = persons.keyFor("KLANT-OUD-" + tag);
        assertThat(count(survey, "person_key = '" + oldPerson.value() + "'")).as("retention let go of the old person").isZero();

        ImportResult again = imported(survey, csv, mapping);
        assertThat(again.created()).as("the expired answer does not come back").isZero();
        assertThat(again.pastRetention()).isEqualTo(1);
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.forgotten()).isZero();
        assertThat(count(survey, "1 = 1")).isEqualTo(3);
        assertThat(count(survey, "person_key = '" + oldPerson.value() + "'")).isZero();

        PersonKey recentPerson = persons.keyFor("KLANT-NIEUW-" + tag);
        transactions.executeWithoutResult(s -> responses.forget(recentPerson, text -> text));
        ImportResult third = imported(survey, csv, mapping);
        assertThat(third.created()).isZero();
        assertThat(third.pastRetention()).isEqualTo(1);
        assertThat(third.forgotten()).isEqualTo(1);
        assertThat(third.duplicates()).isEqualTo(1);
        assertThat(count(survey, "person_key is not null")).isZero();

        // Only keyed hashes are kept: neither the other tool's response id nor a way back to the anonymous response.
        assertThat(jdbc.sql("select count(*) from listening_gone_source where source_hash like :id").param("id", "%" + tag + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from listening_gone_source").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anApiItemSentAgainAfterRetentionIsADuplicate() throws Exception {
        TouchpointId touchpoint = journeys.addTouchpoint(journeys.addStage(journeys.createJourney(new Names(Unique.name("Kiosk"), Unique.name("Kiosk"))),
                new Names("Ter plaatse", "On site")), new Names("Kiosk", "Kiosk"), Channel.LOCATION, "Utrecht");
        Survey survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(touchpoint)), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String sourceId = "kiosk-" + UUID.randomUUID();
        PersonKey person = persons.keyFor("KLANT-KIOSK-" + sourceId);
        List<AnswerBatches.AnswerInput> batch = List.of(new AnswerBatches.AnswerInput(sourceId, survey.id().value().toString(),
                touchpoint.value().toString(), Instant.now().minus(3 * 365, ChronoUnit.DAYS).toString(), person.value(), "nl",
                java.util.Map.of("nps", List.of("4"))));
        assertThat(batches.ingest(batch).created()).isEqualTo(1);
        awaitEventsHandled();
        transactions.executeWithoutResult(s -> events.publishEvent(new RetentionExpired(PurposeId.FEEDBACK,
                Instant.now().minus(2 * 365, ChronoUnit.DAYS))));
        awaitEventsHandled();

        IngestReport again = batches.ingest(batch);
        assertThat(again.created()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(count(survey, "1 = 1")).isEqualTo(1);
        assertThat(count(survey, "person_key is not null")).isZero();
    }

    private String time(Instant instant) {
        ZoneId zone = organisations.current().timeZone();
        return LocalDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private long count(Survey survey, String condition) {
        return jdbc.sql("select count(*) from listening_response where survey_id = :s and " + condition).param("s", survey.id().value())
                .query(Long.class).single();
    }

    private ImportResult imported(Survey survey, String csv, ColumnMapping mapping) throws InterruptedException {
        AnswerImports.Progress progress = imports.start(survey.id(), ExportFormat.PLAIN, csv, mapping, false);
        for (int i = 0; i < 300 && progress.status() == ImportStatus.RUNNING; i++) {
            Thread.sleep(100);
            progress = imports.progress(progress.id());
        }
        assertThat(progress.status()).isEqualTo(ImportStatus.DONE);
        return progress.result();
    }

    private void awaitEventsHandled() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("select count(*) from event_publication").query(Integer.class).single() == 0) {
                Thread.sleep(100);
                if (jdbc.sql("select count(*) from event_publication").query(Integer.class).single() == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("event handlers did not complete within 30 s");
    }
}
