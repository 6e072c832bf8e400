package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.RetentionExpired;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * An invitation waiting for the quiet time to pass is about a person (and about who served them): it is in their export
 * ("invitations we will still send"), is deleted when they are forgotten or when the purpose "feedback"'s retention
 * passes, and its staff reference is exported, erased and expired like the responses'. Rows live a day or so anyway.
 */
@Component
class InvitationsDuePersonalData implements PersonalDataSource, PersonalDataErasure {

    private static final String TABLE = "listening_invitation_due";

    /** A waiting invitation as the person reads it: about which contact, and when it may go out. */
    record WaitingInvitation(@Nullable ExportName touchpoint, Instant contactAt, Instant notBefore) {
    }

    private final InvitationsDue due;
    private final Touchpoints touchpoints;
    private final JdbcClient jdbc;

    InvitationsDuePersonalData(InvitationsDue due, Touchpoints touchpoints, JdbcClient jdbc) {
        this.due = due;
        this.touchpoints = touchpoints;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "waiting-invitations";
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.FEEDBACK;
    }

    @Override
    public List<?> export(PersonKey person) {
        return due.of(person).stream().map(d -> new WaitingInvitation(touchpoints.byId(d.touchpoint())
                .map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null), d.contactAt(), d.dueAt())).toList();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed(TABLE, "person_key"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed(TABLE, "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        jdbc.sql("delete from " + TABLE + " where person_key = :person").param("person", erased.person().value()).update();
    }

    @ApplicationModuleListener
    void on(RetentionExpired expired) {
        if (expired.purpose().equals(PurposeId.SERVICE_QUALITY_STAFF)) {
            jdbc.sql("update " + TABLE + " set staff_ref = null where staff_ref is not null and contact_at < :cutoff")
                    .param("cutoff", InvitationsDue.utc(expired.cutoff())).update();
        } else if (expired.purpose().equals(PurposeId.FEEDBACK)) {
            jdbc.sql("delete from " + TABLE + " where contact_at < :cutoff").param("cutoff", InvitationsDue.utc(expired.cutoff())).update();
        }
    }

    /** Who served the person in the contact a waiting invitation is about: staff are people too. */
    @Component
    static class Staff implements StaffDataSource {

        private final Touchpoints touchpoints;
        private final JdbcClient jdbc;

        Staff(Touchpoints touchpoints, JdbcClient jdbc) {
            this.touchpoints = touchpoints;
            this.jdbc = jdbc;
        }

        @Override
        public String section() {
            return "waiting-invitations";
        }

        @Override
        public List<StaffItem> export(String staffRef) {
            return jdbc.sql("select contact_at, team, touchpoint_id from " + TABLE + " where staff_ref = :s order by contact_at desc, source_ref")
                    .param("s", staffRef)
                    .query((rs, n) -> new StaffItem(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                            touchpoints.byId(new nl.buitenin.journey.TouchpointId(rs.getObject(3, java.util.UUID.class)))
                                    .map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null),
                            rs.getString(2), List.of(), null))
                    .list();
        }

        @Override
        public int erase(String staffRef) {
            return jdbc.sql("update " + TABLE + " set staff_ref = null where staff_ref = :s").param("s", staffRef).update();
        }

        @Override
        public List<PersonalDataTable> tables() {
            return List.of(PersonalDataTable.keyed(TABLE, "staff_ref"));
        }
    }
}
