package nl.buitenin.organisation.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.PersonWord;
import nl.buitenin.organisation.Register;
import nl.buitenin.platform.LanguagePreference;

@Repository
class JdbcOrganisations implements Organisations, LanguagePreference {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Organisation cached;

    JdbcOrganisations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Organisation current() {
        Organisation organisation = cached;
        if (organisation == null) {
            organisation = jdbc.sql("select name, person_word, default_language, time_zone, register from organisation where id = 1")
                    .query((rs, n) -> new Organisation(rs.getString(1), PersonWord.valueOf(rs.getString(2)),
                            rs.getString(3), ZoneId.of(rs.getString(4)), Register.valueOf(rs.getString(5))))
                    .single();
            cached = organisation;
        }
        return organisation;
    }

    @Override
    public Organisation update(Organisation changed) {
        jdbc.sql("update organisation set name = :name, person_word = :word, default_language = :language, "
                        + "time_zone = :zone, register = :register, updated_at = :now where id = 1")
                .param("name", changed.name()).param("word", changed.personWord().name())
                .param("language", changed.defaultLanguage()).param("zone", changed.timeZone().getId())
                .param("register", changed.register().name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        cached = null;
        return current();
    }

    @Override
    public Locale defaultLocale() {
        return Locale.forLanguageTag(current().defaultLanguage());
    }
}
