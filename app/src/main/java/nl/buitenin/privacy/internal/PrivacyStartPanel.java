package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;

/**
 * The privacy officer's start panel: the people's own requests of the last 30 days (erasures asked for by the person,
 * the officer or through the API, and reads under the purpose of data-subject rights, from the access log), reads
 * refused for want of a purpose, and retention: how long ago it last ran and what a run now would delete or anonymise.
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
        long erasures = jdbc.sql("select count(*) from privacy_erasure_log where requested <> 'retention' and erased_at >= :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
        List<AccessLog.PurposeCount> reads = accessLog.countsPerPurpose(since);
        long rightsReads = reads.stream().filter(c -> c.purpose().equals(DataSubjectRights.PURPOSE.value()))
                .mapToLong(AccessLog.PurposeCount::reads).sum();
        long refusals = reads.stream().mapToLong(AccessLog.PurposeCount::refusals).sum();
        List<StartFigure> figures = new ArrayList<>();
        figures.add(StartFigure.count(Text.of("privacy.start.erasures"), erasures, "/privacy/persons"));
        figures.add(StartFigure.count(Text.of("privacy.start.rightsReads"), rightsReads,
                "/privacy/access-log?purpose=" + DataSubjectRights.PURPOSE.value()));
        figures.add(StartFigure.count(Text.of("privacy.start.refusals"), refusals, "/privacy/access-log?refused=true"));
        figures.add(StartFigure.count(Text.of("privacy.start.retentionDue"), retention.dueNow(), "/privacy/retention"));
        Optional<Instant> last = retention.lastRun();
        figures.add(last.isEmpty()
                ? StartFigure.without(Text.of("privacy.start.lastRun"), Text.of("privacy.start.neverRan"), "/privacy/retention")
                : StartFigure.count(Text.of("privacy.start.lastRun"), Duration.between(last.get(), now).toDays(), "/privacy/retention"));
        return figures;
    }
}
