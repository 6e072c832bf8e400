package nl.buitenin.loop.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Cases serve "complaint handling": past its retention a closed case loses the person's key and every
 * free text (summary, outcome, notes, call-back notes); its type, dates and themes stay for the
 * loop-closure figures. Done call-back tasks of "you said, we did" serve "service improvement" and are
 * deleted past that purpose's retention; theme tags on answers and on contact reasons lose the person past the retention of "feedback".
 */
@Component
class CasesRetention {

    static final String EXPIRED = "[bewaartermijn verstreken]";

    private final JdbcClient jdbc;

    CasesRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(expired.cutoff(), ZoneOffset.UTC);
        if (expired.purpose().equals(PurposeId.SERVICE_IMPROVEMENT)) {
            // A done "you said, we did" call serves service improvement: past its retention the task goes (whom, what was
            // noted); a person reached keeps counting through the told-back row, which holds no free text.
            jdbc.sql("delete from loop_tell_back_task where completed_at is not null and completed_at < :cutoff")
                    .param("cutoff", cutoff).update();
            // A note is kept for service improvement (past it the note loses its person): so do its themes.
            jdbc.sql("update loop_note_theme set person_key = null where person_key is not null and heard_at < :cutoff")
                    .param("cutoff", cutoff).update();
            return;
        }
        if (expired.purpose().equals(PurposeId.FEEDBACK)) {
            // An answer is held for feedback: past its retention its theme tags stay for the counts, without the person.
            jdbc.sql("update loop_answer_theme set person_key = null where person_key is not null and answered_at < :cutoff")
                    .param("cutoff", cutoff).update();
            // A contact's reason is held for feedback too (journey drops it with the person past this retention): its themes
            // stay for the counts, without the person.
            jdbc.sql("update loop_reason_theme set person_key = null where person_key is not null and heard_at < :cutoff")
                    .param("cutoff", cutoff).update();
            return;
        }
        if (!expired.purpose().equals(PurposeId.COMPLAINT_HANDLING)) {
            return;
        }
        String old = "select id from loop_case where closed_at is not null and closed_at < :cutoff";
        jdbc.sql("update loop_case_note set text = :expired where case_id in (" + old + ")")
                .param("expired", EXPIRED).param("cutoff", cutoff).update();
        jdbc.sql("update loop_callback set note = null where case_id in (" + old + ")").param("cutoff", cutoff).update();
        jdbc.sql("update loop_case set person_key = null, summary = :expired, outcome = null "
                        + "where closed_at is not null and closed_at < :cutoff and summary <> :expired")
                .param("expired", EXPIRED).param("cutoff", cutoff).update();
    }
}
