package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.InvitationsOfPersons;
import nl.buitenin.privacy.PersonKey;

/** Invitations of known persons and whether they were completed, as {@link MonthlyResponseRates} counts them. */
@Component
class PersonsInvitations implements InvitationsOfPersons {

    private final JdbcClient jdbc;

    PersonsInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Invitation> sentBetween(Instant since, Instant until) {
        return jdbc.sql("select person_key, invited_at, status = 'COMPLETED' from listening_response where person_key is not null "
                        + "and invited_at >= :since and invited_at < :until order by invited_at, id")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Invitation(new PersonKey(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getBoolean(3)))
                .list();
    }
}
