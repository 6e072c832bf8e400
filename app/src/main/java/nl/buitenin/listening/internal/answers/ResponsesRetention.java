package nl.buitenin.listening.internal.answers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Answers are held for the purpose "feedback": past its retention a response loses the person's key
 * and its free text; the scores stay, anonymous, so the figures of earlier years do not change. Its source
 * reference is replaced too, and remembered in {@link GoneSources}, so importing or sending the same row again
 * does not bring the person's answer back.
 */
@Component
class ResponsesRetention {

    private final JdbcClient jdbc;
    private final GoneSources gone;

    ResponsesRetention(JdbcClient jdbc, GoneSources gone) {
        this.jdbc = jdbc;
        this.gone = gone;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(PurposeId.SERVICE_QUALITY_STAFF)) {
            // Who served the person goes past its own retention; the team stays, for team figures.
            jdbc.sql("update listening_response set staff_ref = null where staff_ref is not null "
                            + "and coalesce(completed_at, invited_at) < :cutoff")
                    .param("cutoff", OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC)).update();
            return;
        }
        if (!expired.purpose().equals(PurposeId.FEEDBACK)) {
            return;
        }
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        jdbc.sql("update listening_answer set text_value = null where text_value is not null and response_id in "
                        + "(select id from listening_response where coalesce(completed_at, invited_at) < :cutoff)")
                .param("cutoff", cutoff).update();
        gone.remember(jdbc.sql("select source_ref from listening_response where person_key is not null "
                        + "and coalesce(completed_at, invited_at) < :cutoff")
                .param("cutoff", cutoff).query(String.class).list(), GoneSources.Reason.EXPIRED);
        JdbcResponses.rewriteSources(jdbc, "expired:", "person_key is not null and coalesce(completed_at, invited_at) < :cutoff",
                Map.of("cutoff", cutoff));
    }
}
