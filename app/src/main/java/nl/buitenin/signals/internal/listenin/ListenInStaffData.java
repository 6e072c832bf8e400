package nl.buitenin.signals.internal.listenin;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * A manager's listen-in entries are personal data of staff: the privacy officer exports them (when, the team, the hours
 * and what kind of contact as the source) and erases them. Erasing removes the manager's name and note and keeps the day,
 * kind, hours and team, so the organisation's hours (and its early warning) stay right. A note may also mention a customer
 * ("klantbezoek bij mevrouw Jansen"): when a person is forgotten, their identifiers go from every note.
 */
@Component
class ListenInStaffData implements StaffDataSource, PersonalDataErasure {

    private final JdbcClient jdbc;
    private final ListenInLog log;

    ListenInStaffData(JdbcClient jdbc, ListenInLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Override
    public String section() {
        return "listenIns";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        return log.of(staffRef).stream()
                .map(e -> new StaffItem(e.recordedAt(), null, e.team(), List.of(),
                        e.kind().code() + " " + e.day() + " " + e.hours() + " h" + (e.note() == null ? "" : ": " + e.note())))
                .toList();
    }

    @Override
    public int erase(String staffRef) {
        return jdbc.sql("update signals_listen_in set staff_ref = null, note = null where staff_ref = :s").param("s", staffRef).update();
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("signals_listen_in", "staff_ref", "note"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.text("signals_listen_in", "note"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        new ErasedText(jdbc, erased).scrubMentions("signals_listen_in", List.of("id"), "note");
    }
}
