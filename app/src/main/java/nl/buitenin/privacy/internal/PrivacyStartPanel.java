package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;

/**
 * The privacy officer's start panel: the people's own requests of the last 30 days — erasures asked for by the person,
 * the officer or through the API, and the people who saw their data (counted once each, however many reads their visit
 * logged under the purpose of data-subject rights) —, reads refused for want of a purpose, and retention: how long ago it
 * last ran and what a run now would delete or anonymise. A request is carried out when it is made (the own page, the
 * persons page, the API), so no request waits: the notes say how each was made and that none is open, rather than
 * showing days left under the legal month (GDPR art. 12(3)) of a queue that does not exist.
 */
@Component
class PrivacyStartPanel implements StartPanel {

    static final Duration PERIOD = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Retention retention;
    private final Clock clock;

    PrivacyStartPanel(JdbcClient jdbc, AccessLog accessLog, Retention retention, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String titleKey() {
        return "privacy.start.title";
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public Set<String> roles() {
        return Set.of("PRIVACY_OFFICER");
    }

    @Override
    public List<StartFigure> figures(String username, Locale locale) {
        Instant now = clock.instant();
        Instant since = now.minus(PERIOD);
        OffsetDateTime from = OffsetDateTime.ofInstant(since, ZoneOffset.UTC);
        Map<String, Long> erasedVia = new HashMap<>();
        jdbc.sql("select requested, count(*) from privacy_erasure_log where requested <> 'retention' and erased_at >= :since group by requested")
                .param("since", from).query(rs -> {
                    erasedVia.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        long erasures = erasedVia.values().stream().mapToLong(Long::longValue).sum();
        long erasedOwnPage = erasedVia.getOrDefault("own-page", 0L);
        long erasedApi = erasedVia.getOrDefault("api", 0L);
        // People, not reads: one visit to the own page logs a read per kind of data.
        long[] people = new long[2];
        jdbc.sql("select person_key, max(case when actor = :self then 1 else 0 end), max(case when actor <> :self then 1 else 0 end) "
                        + "from privacy_access_log where purpose_id = :purpose and refusal is null and person_key is not null "
                        + "and read_at >= :since group by person_key")
                .param("self", Actors.SELF).param("purpose", DataSubjectRights.PURPOSE.value()).param("since", from)
                .query(rs -> {
                    people[0] += rs.getInt(2);
                    people[1] += rs.getInt(2) == 0 ? 1 : 0;
                });
        List<AccessLog.PurposeCount> reads = accessLog.countsPerPurpose(since);
        long refusals = reads.stream().mapToLong(AccessLog.PurposeCount::refusals).sum();
        List<StartFigure> figures = new ArrayList<>();
        // How the requests were made; with none, only that none is open.
        figures.add(StartFigure.count(Text.of("privacy.start.erasures"), erasures, "/privacy/persons")
                .withNote(erasures == 0 ? Text.of("privacy.start.noneOpen")
                        : Text.of("privacy.start.erasures.note", erasedOwnPage, erasures - erasedOwnPage - erasedApi, erasedApi)));
        figures.add(StartFigure.count(Text.of("privacy.start.requesters"), people[0] + people[1],
                "/privacy/access-log?purpose=" + DataSubjectRights.PURPOSE.value())
                .withNote(people[0] + people[1] == 0 ? Text.of("privacy.start.noneOpen")
                        : Text.of("privacy.start.requesters.note", people[0], people[1])));
        figures.add(StartFigure.count(Text.of("privacy.start.refusals"), refusals, "/privacy/access-log?refused=true"));
        figures.add(StartFigure.count(Text.of("privacy.start.retentionDue"), retention.dueNow(), "/privacy/retention"));
        Optional<Instant> last = retention.lastRun();
        figures.add(last.isEmpty()
                ? StartFigure.without(Text.of("privacy.start.lastRun"), Text.of("privacy.start.neverRan"), "/privacy/retention")
                : StartFigure.count(Text.of("privacy.start.lastRun"), Duration.between(last.get(), now).toDays(), "/privacy/retention"));
        return figures;
    }
}
