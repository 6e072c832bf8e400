package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.loop.CaseId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;

/**
 * Updates from a service desk (Zendesk, Freshdesk, TOPdesk…). Each carries the desk's own update id:
 * a repeated update is a no-op, so the desk may retry freely.
 */
@Service
public class DeskUpdates {

    public enum Target { CONTACTED, RESOLVED, CLOSED }

    public record Update(String updateId, Target status, String note, String outcome) {
        public Update {
            if (updateId == null || updateId.isBlank() || updateId.length() > 200) {
                throw InvalidInputException.of("updateId", "loop.invalid.updateId");
            }
            if (status == null && (note == null || note.isBlank())) {
                throw InvalidInputException.of("status", "loop.invalid.statusOrNote");
            }
        }
    }

    /** Whether the update changed anything (false for a repeat). */
    public record Result(CaseId caseId, String status, boolean applied) {
    }

    private final CaseFiles cases;
    private final CaseWork work;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeskUpdates(CaseFiles cases, CaseWork work, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.work = work;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Result apply(CaseId id, Update update, String desk) {
        CaseFile c = cases.byId(id).orElseThrow(() -> new NotFoundException("loop.thing.case", id));
        Instant at = clock.instant();
        boolean fresh = jdbc.sql("insert into loop_desk_update (update_id, case_id, applied_at) values (:u, :c, :at) on conflict do nothing")
                .param("u", update.updateId()).param("c", id.value()).param("at", CaseFiles.utc(at)).update() == 1;
        if (!fresh) {
            return new Result(id, c.status().name(), false);
        }
        String actor = "desk:" + desk;
        if (update.note() != null && !update.note().isBlank()) {
            work.noteFrom(c, actor, update.note(), at);
        }
        if (update.status() != null) {
            moveTo(c, update, actor, at);
        }
        return new Result(id, c.status().name(), true);
    }

    private void moveTo(CaseFile c, Update update, String actor, Instant at) {
        switch (update.status()) {
            case CONTACTED -> work.markContacted(c, actor, at);
            case RESOLVED -> work.resolve(c, actor, update.outcome() == null ? "resolved in the service desk" : update.outcome(), at);
            case CLOSED -> {
                if (!c.canClose()) {
                    work.resolve(c, actor, update.outcome() == null ? "resolved in the service desk" : update.outcome(), at);
                }
                work.close(c, actor, at);
            }
        }
    }
}
