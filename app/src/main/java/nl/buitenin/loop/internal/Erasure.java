package nl.buitenin.loop.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * Forgets a person in this module with the shared scrubber: the free text of their own cases (summary, outcome,
 * notes, call-back notes, history) loses every direct identifier, any other case, note or call-back that mentions
 * them loses their name, e-mail address and phone number in any notation; then the key goes from their cases,
 * answer, note and contact-reason tags and told-back rows, and their call-back tasks and held-back messages are dropped. Counts stay.
 */
@Component
class Erasure implements PersonalDataErasure {

    private static final List<String> ID = List.of("id");
    private static final String OWN_CASE = "person_key = :person";
    private static final String OF_OWN_CASE = "case_id in (select id from loop_case where person_key = :person)";

    private final JdbcClient jdbc;

    Erasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("loop_case", "person_key", "summary", "outcome"),
                PersonalDataTable.text("loop_case_note", "text"), PersonalDataTable.text("loop_callback", "note"),
                PersonalDataTable.text("loop_case_event", "detail"),
                PersonalDataTable.keyed("loop_tell_back_task", "person_key", "text", "note"),
                PersonalDataTable.keyed("loop_told_back", "person_key"), PersonalDataTable.keyed("loop_told_back_due", "person_key"),
                PersonalDataTable.keyed("loop_answer_theme", "person_key"), PersonalDataTable.keyed("loop_note_theme", "person_key"),
                PersonalDataTable.keyed("loop_reason_theme", "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        forget(erased);
    }

    void forget(PersonErased erased) {
        ErasedText text = new ErasedText(jdbc, erased);
        text.scrubOwn("loop_case", ID, "summary", OWN_CASE);
        text.scrubOwn("loop_case", ID, "outcome", OWN_CASE);
        text.scrubOwn("loop_case_note", ID, "text", OF_OWN_CASE);
        text.scrubOwn("loop_callback", ID, "note", OF_OWN_CASE);
        text.scrubOwn("loop_case_event", ID, "detail", OF_OWN_CASE);
        // A name may also appear on somebody else's case, in a note or in a call-back note.
        text.scrubMentions("loop_case", ID, "summary");
        text.scrubMentions("loop_case", ID, "outcome");
        text.scrubMentions("loop_case_note", ID, "text");
        text.scrubMentions("loop_callback", ID, "note");
        text.scrubMentions("loop_case_event", ID, "detail");
        text.scrubMentions("loop_tell_back_task", ID, "note");
        jdbc.sql("update loop_case set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        jdbc.sql("update loop_told_back set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        // The tag on their answer stays (the theme was raised), but no longer says by whom.
        jdbc.sql("update loop_answer_theme set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        jdbc.sql("update loop_note_theme set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        // Their contact reasons stay as anonymous counts in journey (scrubbed): so do the themes found in them.
        jdbc.sql("update loop_reason_theme set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        // A call-back task exists only to reach this person; the told-back row above keeps the count.
        jdbc.sql("delete from loop_tell_back_task where person_key = :p").param("p", erased.person().value()).update();
        jdbc.sql("delete from loop_told_back_due where person_key = :p").param("p", erased.person().value()).update();
    }
}
