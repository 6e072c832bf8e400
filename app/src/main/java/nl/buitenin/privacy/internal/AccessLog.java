package nl.buitenin.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.platform.BulkInsert;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;

/** The log of every read of personal data: who, for which purpose, what, when, about whom. */
@Repository
public class AccessLog {

    private final JdbcClient jdbc;
    private final JdbcOperations batches;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, JdbcOperations batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    public void record(String actor, PurposeId purpose, PersonKey person, String what, String refusal) {
        java.util.HashMap<PersonKey, String> one = new java.util.HashMap<>();
        one.put(person, refusal);
        recordAll(actor, purpose, one, what);
    }

    /**
     * Logs a read (refusal null) or a refusal (its reason) of each of these people's data, one row each as
     * {@link #record} writes it, in one statement on PostgreSQL ({@link BulkInsert}: a JDBC batch there is still a
     * statement per row, 13 % of the database's time of HTTP ingestion while a rule over the interactions read thousands
     * of people per batch) and one JDBC batch elsewhere.
     */
    public void recordAll(String actor, PurposeId purpose, Map<PersonKey, String> refusals, String what) {
        if (refusals.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String by = truncate(actor, 200);
        String about = truncate(what, 200);
        List<Row> rows = new ArrayList<>(refusals.size());
        refusals.forEach((person, refusal) -> rows.add(new Row(UUID.randomUUID(), at, by, purpose.value(),
                person == null ? null : person.value(), about, refusal)));
        INSERT.write(batches, rows);
    }

    /** A row of the log as it is written. */
    private record Row(UUID id, OffsetDateTime at, String actor, String purpose, String person, String what, String refusal) {
    }

    private static final BulkInsert<Row> INSERT = BulkInsert.<Row>into("privacy_access_log")
            .column("id", BulkInsert.Type.UUID, Row::id)
            .column("read_at", BulkInsert.Type.TIMESTAMP, Row::at)
            .column("actor", BulkInsert.Type.TEXT, Row::actor)
            .column("purpose_id", BulkInsert.Type.TEXT, Row::purpose)
            .column("person_key", BulkInsert.Type.TEXT, Row::person)
            .column("what", BulkInsert.Type.TEXT, Row::what)
            .column("refusal", BulkInsert.Type.TEXT, Row::refusal)
            .plain();

    /**
     * A filter of the log; every part is optional.
     */
    public record Filter(PersonKey person, PurposeId purpose, String actor, Instant from, Instant to, Boolean refusedOnly) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }

        public static Filter of(PersonKey person) {
            return new Filter(person, null, null, null, null, null);
        }
    }

    public PageResult<AccessLogEntry> find(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.person() != null) {
            where.append(" and person_key = :person");
            params.addValue("person", filter.person().value());
        }
        if (filter.purpose() != null) {
            where.append(" and purpose_id = :purpose");
            params.addValue("purpose", filter.purpose().value());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor = :actor");
            params.addValue("actor", filter.actor().strip());
        }
        if (filter.from() != null) {
            where.append(" and read_at >= :from");
            params.addValue("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and read_at < :to");
            params.addValue("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (Boolean.TRUE.equals(filter.refusedOnly())) {
            where.append(" and refusal is not null");
        }
        long total = jdbc.sql("select count(*) from privacy_access_log" + where).paramSource(params).query(Long.class).single();
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<AccessLogEntry> items = jdbc.sql("select * from privacy_access_log" + where
                + " order by read_at desc, id limit :limit offset :offset").paramSource(params).query(AccessLog::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Everything logged about one person, newest first, for their export. */
    public List<AccessLogEntry> about(PersonKey person) {
        return jdbc.sql("select * from privacy_access_log where person_key = :person order by read_at desc, id")
                .param("person", person.value()).query(AccessLog::map).list();
    }

    /** Reads and refusals per purpose, for the overview of the log. */
    public record PurposeCount(String purpose, long reads, long refusals, long persons) {
    }

    public List<PurposeCount> countsPerPurpose(Instant since) {
        List<PurposeCount> counts = new ArrayList<>();
        jdbc.sql("select purpose_id, sum(case when refusal is null then 1 else 0 end) as reads, "
                + "sum(case when refusal is null then 0 else 1 end) as refusals, count(distinct person_key) as persons "
                + "from privacy_access_log where read_at >= :since group by purpose_id order by purpose_id")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, row) -> counts.add(new PurposeCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return counts;
    }

    static AccessLogEntry map(ResultSet rs, int row) throws SQLException {
        String person = rs.getString("person_key");
        return new AccessLogEntry(rs.getObject("id", UUID.class), Purposes.instant(rs, "read_at"), rs.getString("actor"),
                new PurposeId(rs.getString("purpose_id")), person == null ? null : new PersonKey(person), rs.getString("what"),
                rs.getString("refusal"));
    }

    private static String truncate(String value, int max) {
        String text = value == null || value.isBlank() ? "-" : value.strip();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
