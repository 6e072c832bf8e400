package nl.buitenin.listening.internal.answers;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The CX manager's response rate on the start page: of the invitations sent in the last 30 days, the share answered
 * in full, with n and the Wilson interval that insight puts around every share. Hidden when the invitations went to
 * fewer people than the small-cell rule allows.
 */
@Component
class ResponseRateStartPanel implements StartPanel {

    static final Duration PERIOD = Duration.ofDays(30);

    /** Invitations sent, how many of them were answered in full, and to how many people (an anonymous one counts alone). */
    record Counts(long invited, long completed, long people) {
    }

    private final JdbcClient jdbc;
    private final SmallCellRule smallCells;
    private final Clock clock;

    ResponseRateStartPanel(JdbcClient jdbc, SmallCellRule smallCells, Clock clock) {
        this.jdbc = jdbc;
        this.smallCells = smallCells;
        this.clock = clock;
    }

    /** Figures over weeks or months: a replica's few seconds behind change nothing a reader acts on. */
    @Override
    public boolean mayLag() {
        return true;
    }

    @Override
    public String titleKey() {
        return "listening.start.title";
    }

    @Override
    public int order() {
        return 140;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST");
    }

    @Override
    public String emptyKey() {
        return "listening.start.empty";
    }

    Counts counts() {
        return jdbc.sql("select count(*), coalesce(sum(case when status = 'COMPLETED' then 1 else 0 end), 0), "
                        + "count(distinct coalesce(person_key, cast(id as varchar(40)))) "
                        + "from listening_response where invited_at >= :since and invited_at <= :now")
                .param("since", OffsetDateTime.ofInstant(clock.instant().minus(PERIOD), ZoneOffset.UTC))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    @Override
    public List<StartFigure> figures(String username, Locale locale) {
        return figures(counts(), smallCells);
    }

    static List<StartFigure> figures(Counts counts, SmallCellRule smallCells) {
        if (counts.invited() == 0) {
            return List.of();
        }
        Text label = Text.of("listening.start.rate");
        if (smallCells.hides(counts.people())) {
            return List.of(StartFigure.without(label, Text.of("home.figure.hidden", smallCells.k()), "/surveys"));
        }
        Estimate rate = Intervals.share(counts.completed(), counts.invited());
        return List.of(StartFigure.estimate(label, StartFigure.Format.PERCENT, counts.invited(), rate.value(), rate.lower(), rate.upper(),
                "/surveys").withNote(Text.of("listening.start.rate.note", counts.completed(), counts.invited())));
    }
}
