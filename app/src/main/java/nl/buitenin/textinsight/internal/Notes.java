package nl.buitenin.textinsight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.NoteKind;
import nl.buitenin.textinsight.NoteRecorded;
import nl.buitenin.textinsight.TextSource;

/**
 * Notes as feedback: staff record what they heard (in a focus group, a phone call, at the door) on a touchpoint,
 * optionally about one person. The one writer of {@code textinsight_note}; a recorded note is analysed after its
 * commit like a comment ({@link NoteRecorded}).
 */
@Service
public class Notes {

    /** The longest note, in characters. */
    public static final int MAX_TEXT = 4000;

    /** A stored note. */
    public record Note(UUID id, TouchpointId touchpoint, NoteKind kind, String text, @Nullable PersonKey person, Instant heardAt,
            String recordedBy, Instant recordedAt) {

        TextReading.Written written() {
            return new TextReading.Written(TextSource.NOTE, id.toString(), person, touchpoint, heardAt, text);
        }
    }

    /** A note as a page or the API sends it, every value as written, so that each wrong one is named. */
    public record NoteInput(@Nullable String touchpoint, @Nullable String kind, @Nullable String text, @Nullable String person,
            @Nullable String heardAt) {
    }

    private static final String SELECT = "select id, touchpoint_id, kind, text, person_key, heard_at, recorded_by, recorded_at "
            + "from textinsight_note ";

    private final JdbcClient jdbc;
    private final Touchpoints touchpoints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notes(JdbcClient jdbc, Touchpoints touchpoints, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.touchpoints = touchpoints;
        this.events = events;
        this.clock = clock;
    }

    /** Checks every field (all wrong ones named at once), stores the note and publishes {@link NoteRecorded}. */
    @Transactional
    public Note record(NoteInput input, String recordedBy) {
        Instant now = clock.instant();
        return record(input, recordedBy, now, now);
    }

    /** As {@link #record(NoteInput, String)}, heard at a given moment when the input names none (the demo's history). */
    @Transactional
    public Note record(NoteInput input, String recordedBy, Instant heardByDefault, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        TouchpointId touchpoint = RequestValues.collecting(errors,
                () -> RequestValues.require(RequestValues.id("touchpoint", input.touchpoint(), TouchpointId::new, "textinsight.invalid.touchpoint"),
                        "touchpoint", "textinsight.invalid.touchpoint.missing"));
        if (touchpoint != null && touchpoints.byId(touchpoint).isEmpty()) {
            errors.add(FieldError.of("touchpoint", "textinsight.invalid.touchpoint.unknown", touchpoint));
            touchpoint = null;
        }
        NoteKind kind = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("kind", input.kind(), NoteKind.class, "textinsight.invalid.kind"));
        String text = RequestValues.given(input.text());
        if (text == null) {
            errors.add(FieldError.of("text", "textinsight.invalid.text"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(FieldError.of("text", "textinsight.invalid.text.long", MAX_TEXT, text.length()));
        }
        PersonKey person = null;
        String key = RequestValues.given(input.person());
        if (key != null) {
            if (PersonKey.isValid(key)) {
                person = new PersonKey(key);
            } else {
                errors.add(FieldError.of("person", "textinsight.invalid.person"));
            }
        }
        Instant heardAt = heardByDefault;
        String heard = RequestValues.given(input.heardAt());
        if (heard != null) {
            try {
                heardAt = OffsetDateTime.parse(heard).toInstant();
                RecordedTimes.check("heardAt", heardAt, heard, now).ifPresent(errors::add);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("heardAt", "textinsight.invalid.heardAt", heard));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Note note = new Note(UUID.randomUUID(), touchpoint, kind, text, person, heardAt, recordedBy, now);
        jdbc.sql("insert into textinsight_note (id, touchpoint_id, kind, text, person_key, heard_at, recorded_by, recorded_at) "
                        + "values (:id, :touchpoint, :kind, :text, :person, :heard, :by, :at)")
                .param("id", note.id()).param("touchpoint", touchpoint.value()).param("kind", kind.name()).param("text", text)
                .param("person", person == null ? null : person.value()).param("heard", utc(heardAt)).param("by", recordedBy)
                .param("at", utc(now)).update();
        events.publishEvent(new NoteRecorded(note.id(), kind, touchpoint, person, heardAt));
        return note;
    }

    @Transactional(readOnly = true)
    public Optional<Note> byId(UUID id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(Notes::note).optional();
    }

    /** The notes, newest heard first; of one touchpoint when it is given. */
    @Transactional(readOnly = true)
    public PageResult<Note> latest(@Nullable TouchpointId touchpoint, PageRequest page) {
        String where = touchpoint == null ? "" : "where touchpoint_id = :t ";
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from textinsight_note " + where);
        JdbcClient.StatementSpec list = jdbc.sql(SELECT + where + "order by heard_at desc, id limit :limit offset :offset")
                .param("limit", page.size()).param("offset", (long) page.page() * page.size());
        if (touchpoint != null) {
            count = count.param("t", touchpoint.value());
            list = list.param("t", touchpoint.value());
        }
        return new PageResult<>(list.query(Notes::note).list(), page.page(), page.size(), count.query(Long.class).single());
    }

    /** The notes about a person, for their export. */
    @Transactional(readOnly = true)
    public List<Note> about(PersonKey person) {
        return jdbc.sql(SELECT + "where person_key = :p order by heard_at desc, id").param("p", person.value()).query(Notes::note).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Note note(ResultSet rs, int row) throws SQLException {
        String person = rs.getString(5);
        return new Note(rs.getObject(1, UUID.class), new TouchpointId(rs.getObject(2, UUID.class)), NoteKind.valueOf(rs.getString(3)),
                rs.getString(4), person == null ? null : new PersonKey(person), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
