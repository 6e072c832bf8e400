package nl.buitenin.loop.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.loop.CaseType;
import nl.buitenin.platform.InvalidInputException;

/** The organisation's case types and their SLA in working days. */
@Repository
public class CaseTypes {

    public record Definition(CaseType type, String nameNl, String nameEn, int slaWorkingDays, String defaultTeam) {

        public Definition {
            if (slaWorkingDays < 0 || slaWorkingDays > 60) {
                throw InvalidInputException.of("slaWorkingDays", "loop.invalid.slaRange");
            }
            // The columns hold 200 characters for a name and 100 for a team.
            if (nameNl != null && nameNl.length() > 200) {
                throw InvalidInputException.of("nameNl", "loop.invalid.atMost", 200);
            }
            if (nameEn != null && nameEn.length() > 200) {
                throw InvalidInputException.of("nameEn", "loop.invalid.atMost", 200);
            }
            if (defaultTeam != null && defaultTeam.length() > 100) {
                throw InvalidInputException.of("defaultTeam", "loop.invalid.atMost", 100);
            }
        }

        public String name(Locale locale) {
            return locale != null && locale.getLanguage().equals("en") ? nameEn : nameNl;
        }
    }

    /** The types every instance has; the organisation may change their names, SLA and team. */
    static final List<Definition> DEFAULTS = List.of(
            new Definition(CaseType.COMPLAINT, "Klacht", "Complaint", 5, null),
            new Definition(CaseType.DETRACTOR, "Terugbellen na een lage score", "Call-back after a low score", 2, null),
            new Definition(new CaseType("question"), "Vraag", "Question", 3, null));

    private final JdbcClient jdbc;

    CaseTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the default types that are missing. Not in a migration: a freshly migrated database must hold no
     * rows, so that {@code migrate-to-postgres} can tell an empty target from a used one.
     */
    void ensureDefaults() {
        for (Definition d : DEFAULTS) {
            jdbc.sql("insert into loop_case_type (code, name_nl, name_en, sla_working_days, default_team) "
                            + "values (:code, :nl, :en, :sla, :team) on conflict do nothing")
                    .param("code", d.type().code()).param("nl", d.nameNl()).param("en", d.nameEn())
                    .param("sla", d.slaWorkingDays()).param("team", d.defaultTeam()).update();
        }
    }

    public List<Definition> all() {
        return jdbc.sql("select code, name_nl, name_en, sla_working_days, default_team from loop_case_type order by code")
                .query((rs, n) -> new Definition(new CaseType(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)))
                .list();
    }

    public Optional<Definition> find(CaseType type) {
        return all().stream().filter(d -> d.type().equals(type)).findFirst();
    }

    public Definition require(CaseType type) {
        if (find(type).isEmpty() && DEFAULTS.stream().anyMatch(d -> d.type().equals(type))) {
            ensureDefaults();
        }
        return find(type).orElseThrow(() -> InvalidInputException.of("type", "loop.invalid.caseType", type,
                all().stream().map(d -> d.type().code()).toList().toString()));
    }

    public void save(Definition definition) {
        int updated = jdbc.sql("update loop_case_type set name_nl = :nl, name_en = :en, sla_working_days = :sla, "
                        + "default_team = :team where code = :code")
                .param("nl", definition.nameNl()).param("en", definition.nameEn()).param("sla", definition.slaWorkingDays())
                .param("team", definition.defaultTeam()).param("code", definition.type().code()).update();
        if (updated == 0) {
            jdbc.sql("insert into loop_case_type (code, name_nl, name_en, sla_working_days, default_team) "
                            + "values (:code, :nl, :en, :sla, :team)")
                    .param("nl", definition.nameNl()).param("en", definition.nameEn()).param("sla", definition.slaWorkingDays())
                    .param("team", definition.defaultTeam()).param("code", definition.type().code()).update();
        }
    }
}
