package nl.buitenin.loop.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/**
 * Closing the loop's part of a person's export: their cases with the notes, call-backs and themes, what they
 * were told back about improvements (by e-mail, by a call, or held back), and the themes found in their answers.
 * Staff appear by what they did, not by their user names: those are the staff's data, not the person's.
 */
@Configuration(proxyBeanMethods = false)
class LoopPersonalData {

    record ExportedCase(@ExportOnly UUID id, @ExportOnly String source, ExportName type, ExportTerm status, ExportName touchpoint,
            ExportTerm channel, String team, String summary, Instant openedAt, Instant deadline, Instant firstContactAt,
            Instant resolvedAt, Instant closedAt, String outcome, List<ExportedNote> notes, List<ExportedCallback> callbacks,
            List<ExportName> themes) {
    }

    record ExportedNote(Instant at, String text) {
    }

    record ExportedCallback(Instant at, ExportTerm outcome, String note) {
    }

    /** One improvement the person was (to be) told about, and how. */
    record ExportedTelling(ExportName action, ExportTerm outcome, ExportTerm channel, Instant at, Instant heldBackUntil,
            String note) {
    }

    /** {@code how}: given by a person, or found automatically (reviewed and confirmed, or not yet reviewed). */
    record ExportedAnswerTheme(@ExportOnly UUID response, ExportName theme, Instant answeredAt, Instant taggedAt, ExportTerm how) {
    }

    @Bean
    PersonalDataSource casesSource(JdbcClient jdbc, Touchpoints touchpoints) {
        return new Source("cases", List.of(PersonalDataTable.keyed("loop_case", "person_key", "summary", "outcome"),
                PersonalDataTable.text("loop_case_note", "text"), PersonalDataTable.text("loop_callback", "note"))) {
            @Override
            public PurposeId purpose() {
                return PurposeId.COMPLAINT_HANDLING;
            }

            @Override
            public List<?> export(PersonKey person) {
                Map<UUID, Optional<Touchpoint>> names = new HashMap<>();
                List<ExportedCase> cases = new ArrayList<>();
                jdbc.sql("select c.id, c.source_ref, c.type_code, t.name_nl, t.name_en, c.status, c.touchpoint_id, c.channel, c.team, "
                                + "c.summary, c.opened_at, c.deadline, c.first_contact_at, c.resolved_at, c.closed_at, c.outcome "
                                + "from loop_case c left join loop_case_type t on t.code = c.type_code where c.person_key = :p "
                                + "order by c.opened_at desc, c.id")
                        .param("p", person.value())
                        .query(rs -> {
                            UUID id = rs.getObject(1, UUID.class);
                            UUID touchpoint = rs.getObject(7, UUID.class);
                            String status = rs.getString(6);
                            String channel = rs.getString(8);
                            cases.add(new ExportedCase(id, rs.getString(2), name(rs, 4, rs.getString(3)),
                                    new ExportTerm(status, CaseStatus.valueOf(status).messageKey()),
                                    touchpoint == null ? null : names.computeIfAbsent(touchpoint, t -> touchpoints.byId(new TouchpointId(t)))
                                            .map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null),
                                    channel == null ? null : new ExportTerm(channel, Channel.valueOf(channel).messageKey()),
                                    rs.getString(9), rs.getString(10), CaseFiles.instant(rs, 11), CaseFiles.instant(rs, 12),
                                    CaseFiles.instant(rs, 13), CaseFiles.instant(rs, 14), CaseFiles.instant(rs, 15), rs.getString(16),
                                    List.of(), List.of(), List.of()));
                        });
                return cases.stream().map(c -> new ExportedCase(c.id(), c.source(), c.type(), c.status(), c.touchpoint(), c.channel(),
                        c.team(), c.summary(), c.openedAt(), c.deadline(), c.firstContactAt(), c.resolvedAt(), c.closedAt(), c.outcome(),
                        notes(jdbc, c.id()), callbacks(jdbc, c.id()), themes(jdbc, c.id()))).toList();
            }
        };
    }

    private static List<ExportedNote> notes(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select at, text from loop_case_note where case_id = :c order by at, id").param("c", id)
                .query((rs, n) -> new ExportedNote(CaseFiles.instant(rs, 1), rs.getString(2))).list();
    }

    private static List<ExportedCallback> callbacks(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select at, outcome, note from loop_callback where case_id = :c order by at, id").param("c", id)
                .query((rs, n) -> new ExportedCallback(CaseFiles.instant(rs, 1), callOutcome(rs.getString(2)), rs.getString(3))).list();
    }

    private static List<ExportName> themes(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select t.name_nl, t.name_en from loop_case_theme ct join loop_theme t on t.id = ct.theme_id "
                        + "where ct.case_id = :c order by t.name_nl").param("c", id)
                .query((rs, n) -> ExportName.of(rs.getString(1), rs.getString(2))).list();
    }

    @Bean
    PersonalDataSource toldBackSource(JdbcClient jdbc) {
        return new Source("told-back", List.of(PersonalDataTable.keyed("loop_told_back", "person_key"),
                PersonalDataTable.keyed("loop_tell_back_task", "person_key", "note"),
                PersonalDataTable.keyed("loop_told_back_due", "person_key"))) {
            @Override
            public PurposeId purpose() {
                return PurposeId.SERVICE_IMPROVEMENT;
            }

            @Override
            public List<?> export(PersonKey person) {
                List<ExportedTelling> told = new ArrayList<>();
                jdbc.sql("select a.title_nl, a.title_en, t.outcome, t.channel, t.told_at from loop_told_back t "
                                + "join loop_action a on a.id = t.action_id where t.person_key = :p order by t.told_at desc")
                        .param("p", person.value())
                        .query(rs -> {
                            String outcome = rs.getString(3);
                            String channel = rs.getString(4);
                            told.add(new ExportedTelling(name(rs, 1, null),
                                    new ExportTerm(outcome, "export.told-back.outcome." + outcome.toLowerCase(Locale.ROOT)),
                                    new ExportTerm(channel, Channel.valueOf(channel).messageKey()), CaseFiles.instant(rs, 5), null, null));
                        });
                jdbc.sql("select a.title_nl, a.title_en, k.outcome, k.created_at, k.completed_at, k.note from loop_tell_back_task k "
                                + "join loop_action a on a.id = k.action_id where k.person_key = :p order by k.created_at desc")
                        .param("p", person.value())
                        .query(rs -> {
                            String state = rs.getString(5) == null ? "CALL_PLANNED" : "CALLED";
                            String result = rs.getString(3);
                            told.add(new ExportedTelling(name(rs, 1, null),
                                    new ExportTerm(state, "export.told-back.outcome." + state.toLowerCase(Locale.ROOT)),
                                    new ExportTerm(Channel.PHONE.name(), Channel.PHONE.messageKey()),
                                    result == null ? CaseFiles.instant(rs, 4) : CaseFiles.instant(rs, 5), null, rs.getString(6)));
                        });
                jdbc.sql("select a.title_nl, a.title_en, d.due_at from loop_told_back_due d join loop_action a on a.id = d.action_id "
                                + "where d.person_key = :p order by d.due_at")
                        .param("p", person.value())
                        .query(rs -> {
                            told.add(new ExportedTelling(name(rs, 1, null),
                                    new ExportTerm("HELD_BACK", "export.told-back.outcome.held_back"), null, null,
                                    CaseFiles.instant(rs, 3), null));
                        });
                return told;
            }
        };
    }

    /** {@code how}: found automatically, reviewed and confirmed or not yet reviewed (nobody tags a note by hand). */
    record ExportedNoteTheme(@ExportOnly UUID note, ExportName theme, Instant heardAt, Instant taggedAt, ExportTerm how) {
    }

    @Bean
    PersonalDataSource noteThemesSource(JdbcClient jdbc) {
        return new Source("note-themes", List.of(PersonalDataTable.keyed("loop_note_theme", "person_key"))) {
            @Override
            public PurposeId purpose() {
                return PurposeId.SERVICE_IMPROVEMENT;
            }

            @Override
            public List<?> export(PersonKey person) {
                return jdbc.sql("select a.note_id, t.name_nl, t.name_en, a.heard_at, a.tagged_at, "
                                + "case when a.confirmed_at is null then 'suggested' else 'confirmed' end from loop_note_theme a "
                                + "join loop_theme t on t.id = a.theme_id where a.person_key = :p order by a.heard_at desc, t.name_nl")
                        .param("p", person.value())
                        .query((rs, n) -> new ExportedNoteTheme(rs.getObject(1, UUID.class), name(rs, 2, null),
                                CaseFiles.instant(rs, 4), CaseFiles.instant(rs, 5),
                                new ExportTerm(rs.getString(6), "export.note-themes.how." + rs.getString(6)))).list();
            }
        };
    }

    /** {@code how}: found automatically, reviewed and confirmed or not yet reviewed (nobody tags a contact reason by hand). */
    record ExportedReasonTheme(@ExportOnly UUID contact, ExportName theme, Instant contactAt, Instant taggedAt, ExportTerm how) {
    }

    @Bean
    PersonalDataSource reasonThemesSource(JdbcClient jdbc) {
        return new Source("reason-themes", List.of(PersonalDataTable.keyed("loop_reason_theme", "person_key"))) {
            @Override
            public PurposeId purpose() {
                return PurposeId.SERVICE_IMPROVEMENT;
            }

            @Override
            public List<?> export(PersonKey person) {
                return jdbc.sql("select a.contact_id, t.name_nl, t.name_en, a.heard_at, a.tagged_at, "
                                + "case when a.confirmed_at is null then 'suggested' else 'confirmed' end from loop_reason_theme a "
                                + "join loop_theme t on t.id = a.theme_id where a.person_key = :p order by a.heard_at desc, t.name_nl")
                        .param("p", person.value())
                        .query((rs, n) -> new ExportedReasonTheme(rs.getObject(1, UUID.class), name(rs, 2, null),
                                CaseFiles.instant(rs, 4), CaseFiles.instant(rs, 5),
                                new ExportTerm(rs.getString(6), "export.reason-themes.how." + rs.getString(6)))).list();
            }
        };
    }

    @Bean
    PersonalDataSource answerThemesSource(JdbcClient jdbc) {
        return new Source("answer-themes", List.of(PersonalDataTable.keyed("loop_answer_theme", "person_key"))) {
            @Override
            public PurposeId purpose() {
                return PurposeId.SERVICE_IMPROVEMENT;
            }

            @Override
            public List<?> export(PersonKey person) {
                return jdbc.sql("select a.response_id, t.name_nl, t.name_en, a.answered_at, a.tagged_at, "
                                + "case when a.tagger_kind <> 'SUGGESTER' then 'person' when a.confirmed_at is null then 'suggested' "
                                + "else 'confirmed' end from loop_answer_theme a "
                                + "join loop_theme t on t.id = a.theme_id where a.person_key = :p order by a.answered_at desc, t.name_nl")
                        .param("p", person.value())
                        .query((rs, n) -> new ExportedAnswerTheme(rs.getObject(1, UUID.class), name(rs, 2, null),
                                CaseFiles.instant(rs, 4), CaseFiles.instant(rs, 5),
                                new ExportTerm(rs.getString(6), "export.answer-themes.how." + rs.getString(6)))).list();
            }
        };
    }

    private static ExportTerm callOutcome(String outcome) {
        return new ExportTerm(outcome, CallbackOutcome.valueOf(outcome).messageKey());
    }

    /** The Dutch and English names in two columns from {@code first}; the code when both are missing. */
    private static ExportName name(ResultSet rs, int first, String code) throws SQLException {
        ExportName name = ExportName.of(rs.getString(first), rs.getString(first + 1));
        return name == null && code != null ? new ExportName(code, code) : name;
    }

    private abstract static class Source implements PersonalDataSource {
        private final String section;
        private final List<PersonalDataTable> tables;

        Source(String section, List<PersonalDataTable> tables) {
            this.section = section;
            this.tables = tables;
        }

        @Override
        public String section() {
            return section;
        }

        @Override
        public List<PersonalDataTable> tables() {
            return tables;
        }
    }
}
