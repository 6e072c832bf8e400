package nl.buitenin.listening.internal.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.listening.SurveyId;
import tools.jackson.databind.json.JsonMapper;

/** Uploaded exports waiting for their mapping, the outcome of each import, and the mapping saved per survey and tool. */
@Repository
class JdbcAnswerImports {

    /** An upload and what became of it. */
    record StoredImport(UUID id, SurveyId survey, ExportFormat format, String fileName, String content, ImportStatus status,
            ImportResult result, int done, int total, Instant progressAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate apart;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAnswerImports(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // Progress is written beside the import's own transaction, which commits only at the end.
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores an upload; uploads older than a day that were never imported are dropped, they may hold personal data. */
    UUID upload(SurveyId survey, ExportFormat format, String fileName, String content, Instant now) {
        jdbc.sql("delete from listening_answer_import where status = 'UPLOADED' and created_at < :cutoff")
                .param("cutoff", utc(now.minusSeconds(86_400))).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into listening_answer_import (id, survey_id, format, file_name, content, status, created_at) "
                        + "values (:id, :survey, :format, :name, :content, 'UPLOADED', :now)")
                .param("id", id).param("survey", survey.value()).param("format", format.name()).param("name", fileName)
                .param("content", content).param("now", utc(now)).update();
        return id;
    }

    Optional<StoredImport> byId(UUID id) {
        return jdbc.sql("select id, survey_id, format, file_name, content, status, result, rows_done, rows_total, progress_at "
                        + "from listening_answer_import where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredImport(rs.getObject(1, UUID.class), new SurveyId(rs.getObject(2, UUID.class)),
                        ExportFormat.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), ImportStatus.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : json.readValue(rs.getString(7), ImportResult.class), rs.getInt(8), rs.getInt(9),
                        rs.getObject(10, OffsetDateTime.class) == null ? null : rs.getObject(10, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Marks an upload as running with the rows it will write; false when it already ran (or runs), so one upload is imported once. */
    boolean start(UUID id, int total, Instant now) {
        return jdbc.sql("update listening_answer_import set status = 'RUNNING', rows_done = 0, rows_total = :total, progress_at = :now "
                        + "where id = :id and status = 'UPLOADED'")
                .param("total", total).param("now", utc(now)).param("id", id).update() == 1;
    }

    /** The rows written so far, committed at once in a transaction of its own, so that other nodes see it during the import. */
    void progress(UUID id, int done, Instant now) {
        apart.executeWithoutResult(status -> jdbc.sql("update listening_answer_import set rows_done = :done, progress_at = :now "
                        + "where id = :id and status = 'RUNNING'")
                .param("done", done).param("now", utc(now)).param("id", id).update());
    }

    /** Marks a running import that has not reported since the cutoff as failed; false when it reported (or finished) meanwhile. */
    boolean failIfSilentSince(UUID id, Instant cutoff, ImportResult result, Instant now) {
        return jdbc.sql("update listening_answer_import set status = 'FAILED', result = :result, content = null, finished_at = :now "
                        + "where id = :id and status = 'RUNNING' and progress_at < :cutoff")
                .param("result", json.writeValueAsString(result)).param("now", utc(now)).param("id", id).param("cutoff", utc(cutoff))
                .update() == 1;
    }

    /** Records the outcome and clears the uploaded file. */
    void finish(UUID id, ImportStatus status, ImportResult result, Instant now) {
        jdbc.sql("update listening_answer_import set status = :status, result = :result, content = null, finished_at = :now where id = :id")
                .param("status", status.name()).param("result", result == null ? null : json.writeValueAsString(result))
                .param("now", utc(now)).param("id", id).update();
    }

    Optional<ColumnMapping> savedMapping(SurveyId survey, ExportFormat format) {
        return jdbc.sql("select mapping from listening_import_mapping where survey_id = :survey and format = :format")
                .param("survey", survey.value()).param("format", format.name()).query(String.class).optional()
                .map(text -> json.readValue(text, ColumnMapping.class));
    }

    void saveMapping(SurveyId survey, ExportFormat format, ColumnMapping mapping, Instant now) {
        String text = json.writeValueAsString(mapping);
        int changed = jdbc.sql("update listening_import_mapping set mapping = :mapping, saved_at = :now where survey_id = :survey and format = :format")
                .param("mapping", text).param("now", utc(now)).param("survey", survey.value()).param("format", format.name()).update();
        if (changed == 0) {
            jdbc.sql("insert into listening_import_mapping (survey_id, format, mapping, saved_at) values (:survey, :format, :mapping, :now) "
                            + "on conflict do nothing")
                    .param("mapping", text).param("now", utc(now)).param("survey", survey.value()).param("format", format.name()).update();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
