package nl.buitenin.signals.internal.listenin;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ReadableDates;
import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.ExportName;
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
    private final Organisations organisations;

    ListenInStaffData(JdbcClient jdbc, ListenInLog log, Organisations organisations) {
        this.jdbc = jdbc;
        this.log = log;
        this.organisations = organisations;
    }

    @Override
    public String section() {
        return "listenIns";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        return log.of(staffRef).stream()
                .map(e -> new StaffItem(e.recordedAt(), where(e, organisations.current().timeZone()), e.team(), List.of(), null))
                .toList();
    }

    /** What the entry was, in both languages: "Klantbezoek op 2026-11-03, 3,5 uur: note" (the note is the manager's own). */
    static ExportName where(ListenIn e, java.time.ZoneId zone) {
        String note = e.note() == null ? "" : ": " + e.note();
        String hours = e.hours() == Math.rint(e.hours()) ? String.valueOf((long) e.hours()) : String.valueOf(e.hours());
        String nl = switch (e.kind()) {
            case SHADOW_DAY -> "Meeloopdag";
            case LISTENING_IN -> "Meeluisteren";
            case CUSTOMER_VISIT -> "Klantbezoek";
        };
        String en = switch (e.kind()) {
            case SHADOW_DAY -> "Day with the front line";
            case LISTENING_IN -> "Listening in";
            case CUSTOMER_VISIT -> "Customer visit";
        };
        String dayNl = ReadableDates.of(Locale.forLanguageTag("nl"), zone).day(e.day());
        String dayEn = ReadableDates.of(Locale.ENGLISH, zone).day(e.day());
        return new ExportName(nl + " op " + dayNl + ", " + hours.replace('.', ',') + " uur" + note,
                en + " on " + dayEn + ", " + hours + " hours" + note);
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
