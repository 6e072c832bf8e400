package nl.buitenin.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.buitenin.contact.ContactDecision;
import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** The stored policy, the decisions with their reason codes, and the contact log. */
@Repository
public class JdbcContactStore {

    /** A stored decision as listed: the reason codes, without the texts of the policy of the time. */
    public record StoredDecision(UUID id, String person, TouchpointId touchpoint, ContactKind kind, Instant at, boolean allowed,
            List<ReasonCode> reasons, Instant deferredUntil, String topic) {
    }

    private final JdbcClient jdbc;

    JdbcContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> policySettings() {
        return jdbc.sql("select settings from contact_policy where id = 1").query(String.class).optional();
    }

    public void savePolicySettings(String settings, Instant now) {
        int updated = jdbc.sql("update contact_policy set settings = :settings, updated_at = :now where id = 1")
                .param("settings", settings).param("now", utc(now)).update();
        if (updated == 0) {
            jdbc.sql("insert into contact_policy (id, settings, updated_at) values (1, :settings, :now)")
                    .param("settings", settings).param("now", utc(now)).update();
        }
    }

    public void saveDecision(ContactDecision decision) {
        saveDecision(decision, null);
    }

    /** A decision on an invitation after a contact keeps that contact's time, the denominator of the share invited per hour. */
    public void saveDecision(ContactDecision decision, @Nullable Instant contactAt) {
        jdbc.sql("insert into contact_decision (id, person_key, touchpoint_id, kind, decided_at, allowed, reasons, deferred_until, contact_at, topic) "
                        + "values (:id, :person, :touchpoint, :kind, :at, :allowed, :reasons, :deferred, :contactAt, :topic)")
                .param("contactAt", contactAt == null ? null : utc(contactAt))
                .param("id", decision.id()).param("person", decision.person().value()).param("topic", decision.topic())
                .param("touchpoint", decision.touchpoint() == null ? null : decision.touchpoint().value())
                .param("deferred", decision.deferredUntil() == null ? null : utc(decision.deferredUntil()))
                .param("kind", decision.kind().name()).param("at", utc(decision.at())).param("allowed", decision.allowed())
                .param("reasons", decision.reasons().stream().map(Reason::code).map(ReasonCode::name).collect(Collectors.joining(",")))
                .update();
    }

    public List<StoredDecision> recentDecisions(int limit) {
        return jdbc.sql("select id, person_key, touchpoint_id, kind, decided_at, allowed, reasons, deferred_until, topic from contact_decision "
                        + "order by decided_at desc, id limit :limit")
                .param("limit", limit).query(JdbcContactStore::decision).list();
    }

    public List<StoredDecision> decisionsOf(PersonKey person) {
        return jdbc.sql("select id, person_key, touchpoint_id, kind, decided_at, allowed, reasons, deferred_until, topic from contact_decision "
                        + "where person_key = :person order by decided_at desc, id")
                .param("person", person.value()).query(JdbcContactStore::decision).list();
    }

    public void saveAttempt(PersonKey person, TouchpointId touchpoint, ContactKind kind, Channel channel, Instant sentAt) {
        saveAttempt(person, touchpoint, kind, channel, sentAt, null);
    }

    /** An invitation after a contact is logged with that contact's time (null for other contacts). */
    public void saveAttempt(PersonKey person, @Nullable TouchpointId touchpoint, ContactKind kind, Channel channel, Instant sentAt,
            @Nullable Instant contactAt) {
        jdbc.sql("insert into contact_attempt (id, person_key, touchpoint_id, kind, channel, sent_at, contact_at) "
                        + "values (:id, :person, :touchpoint, :kind, :channel, :at, :contactAt)")
                .param("contactAt", contactAt == null ? null : utc(contactAt))
                .param("id", UUID.randomUUID()).param("person", person.value())
                .param("touchpoint", touchpoint == null ? null : touchpoint.value())
                .param("kind", kind.name()).param("channel", channel.name()).param("at", utc(sentAt)).update();
    }

    /** Records an offer on {@code topic} that went out: it counts in the shared budget and the topic's cap. */
    public void saveOffer(PersonKey person, String topic, Channel channel, Instant sentAt) {
        jdbc.sql("insert into contact_attempt (id, person_key, touchpoint_id, kind, channel, sent_at, topic) "
                        + "values (:id, :person, null, :kind, :channel, :at, :topic)")
                .param("id", UUID.randomUUID()).param("person", person.value()).param("kind", ContactKind.OFFER.name())
                .param("channel", channel.name()).param("at", utc(sentAt)).param("topic", topic).update();
    }

    /** The person's log since {@code since} with the topics of offers: what the shared budget and the offer rules need. */
    public List<LoggedContact> loggedSince(PersonKey person, Instant since) {
        return jdbc.sql("select sent_at, kind, topic from contact_attempt where person_key = :person and sent_at >= :since")
                .param("person", person.value()).param("since", utc(since))
                .query((rs, n) -> new LoggedContact(rs.getObject(1, OffsetDateTime.class).toInstant(), ContactKind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list();
    }

    /** A stored offer decision as listed on the staff page: the topic and the reason codes. */
    public record OfferDecisionRow(UUID id, String person, String topic, Instant at, boolean allowed, List<ReasonCode> reasons) {
    }

    public List<OfferDecisionRow> recentOfferDecisions(int limit) {
        return jdbc.sql("select id, person_key, topic, decided_at, allowed, reasons from contact_decision where kind = 'OFFER' "
                        + "order by decided_at desc, id limit :limit")
                .param("limit", limit).query((rs, n) -> {
                    String reasons = rs.getString("reasons");
                    return new OfferDecisionRow(rs.getObject("id", UUID.class), rs.getString("person_key"), rs.getString("topic"),
                            rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getBoolean("allowed"),
                            reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(",")).map(ReasonCode::valueOf).toList());
                }).list();
    }

    /** Messages sent per kind since {@code since}: how much of the budget the organisation uses. */
    public java.util.Map<ContactKind, Long> sentPerKindSince(Instant since) {
        java.util.Map<ContactKind, Long> counts = new java.util.EnumMap<>(ContactKind.class);
        jdbc.sql("select kind, count(*) from contact_attempt where sent_at >= :since group by kind").param("since", utc(since))
                .query((rs, n) -> counts.put(ContactKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    public Optional<String> offerPolicySettings() {
        return jdbc.sql("select settings from contact_offer_policy where id = 1").query(String.class).optional();
    }

    public void saveOfferPolicySettings(String settings, Instant now) {
        int updated = jdbc.sql("update contact_offer_policy set settings = :settings, updated_at = :now where id = 1")
                .param("settings", settings).param("now", utc(now)).update();
        if (updated == 0) {
            jdbc.sql("insert into contact_offer_policy (id, settings, updated_at) values (1, :settings, :now)")
                    .param("settings", settings).param("now", utc(now)).update();
        }
    }

    /** What the window and the caps need: contacts since the start of last year are plenty for a calendar-year cap. */
    public List<PastContact> attemptsSince(PersonKey person, Instant since) {
        return jdbc.sql("select sent_at, kind from contact_attempt where person_key = :person and sent_at >= :since")
                .param("person", person.value()).param("since", utc(since))
                .query((rs, n) -> new PastContact(rs.getObject(1, OffsetDateTime.class).toInstant(), ContactKind.valueOf(rs.getString(2))))
                .list();
    }

    /** A service contact after which an invitation was asked for, and whether one was sent. */
    public record InvitationContact(String person, Instant contactAt, boolean invited) {
    }

    /**
     * Every contact since {@code since} after which an invitation was asked for (by person, touchpoint and the contact's
     * time, once however often it was decided on), with whether an invitation for it is in the contact log.
     */
    public List<InvitationContact> invitationContactsSince(Instant since) {
        return jdbc.sql("select d.person_key, d.contact_at, max(case when a.id is null then 0 else 1 end) from contact_decision d "
                        + "left join contact_attempt a on a.person_key = d.person_key and a.touchpoint_id = d.touchpoint_id "
                        + "and a.contact_at = d.contact_at and a.kind = 'INVITATION' "
                        + "where d.kind = 'INVITATION' and d.contact_at >= :since "
                        + "group by d.person_key, d.touchpoint_id, d.contact_at")
                .param("since", utc(since))
                .query((rs, n) -> new InvitationContact(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3) == 1))
                .list();
    }

    /** Contacts since {@code since} whose invitation waited for the quiet time to pass, the people behind them, and how many got it. */
    public record WaitedInvitations(long contacts, long people, long sent) {
    }

    /** As {@link #invitationContactsSince}, for the contacts of which a decision postponed the invitation. */
    public WaitedInvitations waitedInvitationsSince(Instant since) {
        return jdbc.sql("select count(*), count(distinct w.person_key), coalesce(sum(w.invited), 0) from ("
                        + "select d.person_key, max(case when a.id is null then 0 else 1 end) invited from contact_decision d "
                        + "left join contact_attempt a on a.person_key = d.person_key and a.touchpoint_id = d.touchpoint_id "
                        + "and a.contact_at = d.contact_at and a.kind = 'INVITATION' "
                        + "where d.kind = 'INVITATION' and d.contact_at >= :since "
                        + "group by d.person_key, d.touchpoint_id, d.contact_at "
                        + "having max(case when d.deferred_until is null then 0 else 1 end) = 1) w")
                .param("since", utc(since))
                .query((rs, n) -> new WaitedInvitations(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    private static StoredDecision decision(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("reasons");
        UUID touchpoint = rs.getObject("touchpoint_id", UUID.class);
        OffsetDateTime deferred = rs.getObject("deferred_until", OffsetDateTime.class);
        return new StoredDecision(rs.getObject("id", UUID.class), rs.getString("person_key"),
                touchpoint == null ? null : new TouchpointId(touchpoint), ContactKind.valueOf(rs.getString("kind")),
                rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getBoolean("allowed"),
                reasons.isEmpty() ? List.of() : Arrays.stream(reasons.split(",")).map(ReasonCode::valueOf).toList(),
                deferred == null ? null : deferred.toInstant(), rs.getString("topic"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
