package nl.buitenin.listening.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;

/**
 * The progress of an import is kept in its row: written beside the import's own (still open) transaction, it is
 * seen at once from another connection and by another node's {@link AnswerImports}; an import whose node stopped
 * is shown as failed; a finished import shows its counts wherever it is asked.
 */
@DatabaseTest
class ImportProgressTest {

    @Autowired
    AnswerImports imports;
    @Autowired
    JdbcAnswerImports stored;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    AnswerImportWriter writer;
    @Autowired
    Organisations organisations;
    @Autowired
    Persons persons;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private Survey survey() {
        Survey survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(new TouchpointId(UUID.randomUUID()))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        return survey;
    }

    /** The same service as another node (or a restarted one) runs it: nothing shared but the database. */
    private AnswerImports otherNode() {
        return new AnswerImports(stored, surveys, writer, organisations, persons, clock);
    }

    @Test
    void progressWrittenDuringTheImportsTransactionIsSeenAtOnceOnAnotherNode() throws Exception {
        Survey survey = survey();
        UUID id = stored.upload(survey.id(), ExportFormat.PLAIN, "groot.csv", null, Instant.now());
        assertThat(stored.start(id, 500, Instant.now())).isTrue();

        AnswerImports.Progress seen = transactions.execute(status -> {
            // As the writer does: inside its one long transaction, which has not committed yet.
            stored.progress(id, 120, Instant.now());
            try {
                return CompletableFuture.supplyAsync(() -> otherNode().progress(id)).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(seen.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(seen.done()).isEqualTo(120);
        assertThat(seen.total()).isEqualTo(500);
        assertThat(imports.progress(id).done()).isEqualTo(120);
    }

    @Test
    void anImportWhoseNodeStoppedIsShownAsFailedWithNothingSaved() {
        Survey survey = survey();
        UUID id = stored.upload(survey.id(), ExportFormat.PLAIN, "onderbroken.csv", "responseId,at,nps\n", Instant.now());
        stored.start(id, 80, Instant.now().minus(AnswerImports.SILENT).minus(Duration.ofMinutes(1)));
        UUID quiet = stored.upload(survey.id(), ExportFormat.PLAIN, "bezig.csv", null, Instant.now());
        stored.start(quiet, 80, Instant.now().minus(AnswerImports.SILENT).plus(Duration.ofMinutes(1)));

        AnswerImports.Progress stopped = otherNode().progress(id);
        assertThat(stopped.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(stopped.result().errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the node writing it was stopped or restarted").contains("nothing was saved"));
        assertThat(stored.byId(id).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(stored.byId(id).orElseThrow().content()).as("the upload is let go").isNull();
        assertThat(otherNode().progress(quiet).status()).as("a writer that reported recently is still running").isEqualTo(ImportStatus.RUNNING);
    }

    @Test
    void aFinishedImportShowsItsCountsOnEveryNode() throws Exception {
        Survey survey = survey();
        StringBuilder csv = new StringBuilder("responseId,at,nps\n");
        for (int i = 0; i < 50; i++) {
            csv.append("r-").append(i).append(",2026-03-02 09:").append(String.format("%02d", i)).append(":00,").append(i % 11).append('\n');
        }
        ColumnMapping mapping = new ColumnMapping("responseId", "at", null, null, null,
                List.of(new ColumnMapping.QuestionColumns("nps", List.of("nps"))));
        AnswerImports.Progress started = imports.start(survey.id(), ExportFormat.PLAIN, csv.toString(), mapping, false);
        assertThat(started.total()).isEqualTo(50);
        AnswerImports.Progress now = started;
        for (int i = 0; i < 300 && now.status() == ImportStatus.RUNNING; i++) {
            Thread.sleep(100);
            now = otherNode().progress(started.id());
            assertThat(now.done()).isBetween(0, 50);
        }
        assertThat(now.status()).isEqualTo(ImportStatus.DONE);
        assertThat(now.done()).isEqualTo(50);
        assertThat(now.result().created()).isEqualTo(50);
        assertThat(jdbc.sql("select rows_done, rows_total from listening_answer_import where id = :id").param("id", started.id())
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2))).single()).containsExactly(50, 50);
    }
}
