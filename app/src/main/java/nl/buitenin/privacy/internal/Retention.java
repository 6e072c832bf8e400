package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.RetentionExpired;

/**
 * Retention per purpose. Every day (and by hand, after a preview) it
 * <ul>
 * <li>forgets persons with no activity for longer than the longest retention of any active purpose with
 * personal data: nothing may be read about them any more, so nothing is kept;</li>
 * <li>deletes consent history older than its purpose's retention, keeping the change in force;</li>
 * <li>removes the person from access-log entries older than their purpose's retention (the count stays);</li>
 * <li>publishes {@link RetentionExpired} per purpose, so other modules clear what they hold for it.</li>
 * </ul>
 * Each run is stored with its report.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int MAX_ERASURES_PER_RUN = 10_000;

    private final Purposes purposes;
    private final PurposeEnforcer enforcer;
    private final Erasure erasure;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Retention(Purposes purposes, PurposeEnforcer enforcer, Erasure erasure, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.purposes = purposes;
        this.enforcer = enforcer;
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.events = events;
        this.clock = clock;
    }

    /** One line of a report: for a purpose (or "all purposes"), what was (or would be) done to how many rows. */
    public record Line(String purpose, Instant cutoff, String action, long count) {
    }

    public record Run(UUID id, Instant startedAt, String triggeredBy, boolean preview, List<Line> lines) {

        public long total() {
            return lines.stream().mapToLong(Line::count).sum();
        }
    }

    @Transactional
    public Run preview(String triggeredBy) {
        return store(new Run(UUID.randomUUID(), clock.instant(), triggeredBy, true, plan()));
    }

    /** Once a day on one node: two runs at once would erase the same persons and report twice (docs/scaling.md). */
    @Scheduled(cron = "${buitenin.privacy.retention-cron:0 30 3 * * *}")
    @SchedulerLock(name = "privacy-retention", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    public void daily() {
        Run run = run(Actors.SYSTEM);
        log.info("Retention: {} rows deleted or anonymised", run.total());
    }

    @Transactional
    public Run run(String triggeredBy) {
        List<Line> lines = new ArrayList<>();
        Optional<Instant> personCutoff = personCutoff();
        if (personCutoff.isPresent()) {
            List<PersonKey> stale = stalePersons(personCutoff.get(), MAX_ERASURES_PER_RUN);
            for (PersonKey person : stale) {
                erasure.erase(person, "retention");
            }
            lines.add(new Line("*", personCutoff.get(), "persons-forgotten", stale.size()));
        }
        for (Purpose purpose : withRetention()) {
            Instant cutoff = enforcer.cutoff(purpose);
            OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
            long history = jdbc.sql("delete from privacy_consent_change c where c.purpose_id = :purpose and c.changed_at < :cutoff "
                    + "and exists (select 1 from privacy_consent_change n where n.person_key = c.person_key "
                    + "and n.purpose_id = c.purpose_id and n.changed_at > c.changed_at)")
                    .param("purpose", purpose.id().value()).param("cutoff", at).update();
            lines.add(new Line(purpose.id().value(), cutoff, "consent-history-deleted", history));
            long reads = jdbc.sql("update privacy_access_log set person_key = null where purpose_id = :purpose "
                    + "and read_at < :cutoff and person_key is not null")
                    .param("purpose", purpose.id().value()).param("cutoff", at).update();
            lines.add(new Line(purpose.id().value(), cutoff, "access-log-anonymised", reads));
            events.publishEvent(new RetentionExpired(purpose.id(), cutoff));
        }
        return store(new Run(UUID.randomUUID(), clock.instant(), triggeredBy, false, lines));
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("select id, started_at, triggered_by, preview, report from privacy_retention_run "
                + "order by started_at desc limit :limit").param("limit", limit)
                .query((rs, row) -> new Run(rs.getObject(1, UUID.class), Purposes.instant(rs, "started_at"), rs.getString(3),
                        rs.getBoolean(4), parse(rs.getString(5))))
                .list();
    }

    /** What a run now would delete or anonymise, without storing a preview (the start page asks on every visit). */
    public long dueNow() {
        return plan().stream().mapToLong(Line::count).sum();
    }

    /** When the last real (not preview) run started; empty when none has run. */
    public Optional<Instant> lastRun() {
        return jdbc.sql("select max(started_at) from privacy_retention_run where preview = false")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    private List<Line> plan() {
        List<Line> lines = new ArrayList<>();
        personCutoff().ifPresent(cutoff -> lines.add(new Line("*", cutoff, "persons-forgotten",
                jdbc.sql("select count(*) from privacy_person where last_activity_at < :cutoff")
                        .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).query(Long.class).single())));
        for (Purpose purpose : withRetention()) {
            Instant cutoff = enforcer.cutoff(purpose);
            OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
            lines.add(new Line(purpose.id().value(), cutoff, "consent-history-deleted",
                    jdbc.sql("select count(*) from privacy_consent_change c where c.purpose_id = :purpose and c.changed_at < :cutoff "
                            + "and exists (select 1 from privacy_consent_change n where n.person_key = c.person_key "
                            + "and n.purpose_id = c.purpose_id and n.changed_at > c.changed_at)")
                            .param("purpose", purpose.id().value()).param("cutoff", at).query(Long.class).single()));
            lines.add(new Line(purpose.id().value(), cutoff, "access-log-anonymised",
                    jdbc.sql("select count(*) from privacy_access_log where purpose_id = :purpose and read_at < :cutoff "
                            + "and person_key is not null")
                            .param("purpose", purpose.id().value()).param("cutoff", at).query(Long.class).single()));
        }
        return lines;
    }

    /** Persons are kept as long as the longest retention of an active purpose with personal data. */
    private Optional<Instant> personCutoff() {
        return withRetention().stream().max(Comparator.comparingInt(Purpose::retentionMonths)).map(enforcer::cutoff);
    }

    private List<Purpose> withRetention() {
        return purposes.active().stream().filter(Purpose::personalData).toList();
    }

    private List<PersonKey> stalePersons(Instant cutoff, int limit) {
        return jdbc.sql("select person_key from privacy_person where last_activity_at < :cutoff order by last_activity_at limit :limit")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).param("limit", limit)
                .query((rs, row) -> new PersonKey(rs.getString(1))).list();
    }

    private Run store(Run run) {
        StringBuilder report = new StringBuilder();
        for (Line line : run.lines()) {
            report.append(line.purpose()).append('|').append(line.cutoff()).append('|').append(line.action()).append('|')
                    .append(line.count()).append('\n');
        }
        jdbc.sql("insert into privacy_retention_run (id, started_at, triggered_by, preview, report) "
                + "values (:id, :at, :by, :preview, :report)")
                .param("id", run.id()).param("at", OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC))
                .param("by", run.triggeredBy()).param("preview", run.preview()).param("report", report.toString()).update();
        return run;
    }

    private static List<Line> parse(String report) {
        return Arrays.stream(report.split("\n")).filter(l -> !l.isBlank()).map(l -> l.split("\\|"))
                .map(p -> new Line(p[0], Instant.parse(p[1]), p[2], Long.parseLong(p[3]))).toList();
    }

}
