package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.FailureDemandOfPersons;

/** The read contacts of known persons, from the rows {@link DemandReadings} writes (failure = demand 'failure'). */
@Component
class PersonsFailureDemand implements FailureDemandOfPersons {

    private final JdbcClient jdbc;

    PersonsFailureDemand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Contact> between(Instant since, Instant until) {
        return jdbc.sql("select person_key, happened_at, demand from textinsight_demand where person_key is not null "
                        + "and happened_at >= :since and happened_at < :until order by happened_at, source_ref")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Contact(new PersonKey(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        "failure".equals(rs.getString(3))))
                .list();
    }
}
