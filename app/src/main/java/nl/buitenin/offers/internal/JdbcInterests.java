package nl.buitenin.offers.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.privacy.PersonKey;

/** The stored interests: one faded weight per person, topic and kind, closed topics, counted interactions, the settings. */
@Repository
public class JdbcInterests {

    /** One kind's weight on a topic at its reference moment. */
    public record Row(String topic, InteractionKind kind, Fading.State state) {
    }

    /** A topic closed for the person: by a purchase ({@code BOUGHT}) or by themselves ({@code REMOVED}). */
    public record Closed(String topic, String why, Instant at) {
    }

    private final JdbcClient jdbc;

    JdbcInterests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key a topic is kept under: its words in lower case, so "Cuba" and "cuba" are one interest. */
    public static String key(String topic) {
        return topic.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public Optional<String> settings() {
        return jdbc.sql("select settings from offers_settings where id = 1").query(String.class).optional();
    }

    public void saveSettings(String settings, Instant now) {
        int updated = jdbc.sql("update offers_settings set settings = :settings, updated_at = :now where id = 1")
                .param("settings", settings).param("now", utc(now)).update();
        if (updated == 0) {
            jdbc.sql("insert into offers_settings (id, settings, updated_at) values (1, :settings, :now)")
                    .param("settings", settings).param("now", utc(now)).update();
        }
    }

    /** Marks an interaction as counted; false when it was counted before (then it adds nothing). */
    public boolean markCounted(String sourceId, PersonKey person, Instant at) {
        return jdbc.sql("insert into offers_counted (source_id, person_key, counted_at) values (:source, :person, :at) on conflict do nothing")
                .param("source", sourceId).param("person", person.value()).param("at", utc(at)).update() == 1;
    }

    /** The stored state of one kind on a topic, locked for the caller's transaction. */
    public Optional<Fading.State> stateForUpdate(PersonKey person, String topicKey, InteractionKind kind) {
        return jdbc.sql("select weight, weighed_at from offers_interest where person_key = :person and topic_key = :topic and kind = :kind for update")
                .param("person", person.value()).param("topic", topicKey).param("kind", kind.name())
                .query((rs, n) -> new Fading.State(rs.getDouble(1), rs.getObject(2, OffsetDateTime.class).toInstant())).optional();
    }

    public void saveState(PersonKey person, String topicKey, String topic, InteractionKind kind, Fading.State state, boolean exists) {
        if (exists) {
            jdbc.sql("update offers_interest set weight = :weight, weighed_at = :at where person_key = :person and topic_key = :topic and kind = :kind")
                    .param("weight", state.weight()).param("at", utc(state.at())).param("person", person.value()).param("topic", topicKey)
                    .param("kind", kind.name()).update();
        } else {
            jdbc.sql("insert into offers_interest (person_key, topic_key, kind, topic, weight, weighed_at) "
                            + "values (:person, :topic, :kind, :name, :weight, :at)")
                    .param("person", person.value()).param("topic", topicKey).param("kind", kind.name()).param("name", topic)
                    .param("weight", state.weight()).param("at", utc(state.at())).update();
        }
    }

    public List<Row> rowsOf(PersonKey person, String topicKey) {
        return jdbc.sql("select topic, kind, weight, weighed_at from offers_interest where person_key = :person and topic_key = :topic")
                .param("person", person.value()).param("topic", topicKey).query((rs, n) -> row(rs)).list();
    }

    public List<Row> rowsOf(PersonKey person) {
        return jdbc.sql("select topic, kind, weight, weighed_at from offers_interest where person_key = :person order by topic_key, kind")
                .param("person", person.value()).query((rs, n) -> row(rs)).list();
    }

    public Optional<Closed> closed(PersonKey person, String topicKey) {
        return jdbc.sql("select topic, why, closed_at from offers_closed where person_key = :person and topic_key = :topic")
                .param("person", person.value()).param("topic", topicKey)
                .query((rs, n) -> new Closed(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant())).optional();
    }

    public List<Closed> closedOf(PersonKey person) {
        return jdbc.sql("select topic, why, closed_at from offers_closed where person_key = :person order by topic_key")
                .param("person", person.value())
                .query((rs, n) -> new Closed(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    public void close(PersonKey person, String topic, String why, Instant at) {
        jdbc.sql("insert into offers_closed (person_key, topic_key, topic, why, closed_at) values (:person, :key, :topic, :why, :at) "
                        + "on conflict do nothing")
                .param("person", person.value()).param("key", key(topic)).param("topic", topic).param("why", why).param("at", utc(at)).update();
    }

    /** Forgets the weights of one topic (the closed mark stays, so it does not grow back). */
    public void dropWeights(PersonKey person, String topicKey) {
        jdbc.sql("delete from offers_interest where person_key = :person and topic_key = :topic")
                .param("person", person.value()).param("topic", topicKey).update();
    }

    /** Everything held about the person. */
    public void deleteAll(PersonKey person) {
        for (String table : List.of("offers_interest", "offers_closed", "offers_counted")) {
            jdbc.sql("delete from " + table + " where person_key = :person").param("person", person.value()).update();
        }
    }

    /** Interest rows weighed (and marks set) before the cutoff: the purpose's retention has passed for them. */
    public void deleteBefore(Instant cutoff) {
        jdbc.sql("delete from offers_interest where weighed_at < :cutoff").param("cutoff", utc(cutoff)).update();
        jdbc.sql("delete from offers_closed where closed_at < :cutoff").param("cutoff", utc(cutoff)).update();
        jdbc.sql("delete from offers_counted where counted_at < :cutoff").param("cutoff", utc(cutoff)).update();
    }

    /** Counted interactions of the person, newest first: what the export lists. */
    public List<Instant> countedOf(PersonKey person) {
        return jdbc.sql("select counted_at from offers_counted where person_key = :person order by counted_at desc")
                .param("person", person.value()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString(1), InteractionKind.valueOf(rs.getString(2)),
                new Fading.State(rs.getDouble(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
