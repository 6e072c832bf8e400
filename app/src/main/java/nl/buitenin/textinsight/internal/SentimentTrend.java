package nl.buitenin.textinsight.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ShareCount;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.textinsight.TextSource;

/**
 * The share of negative texts per week (comments, case texts and notes; an analyst's correction counts instead of the
 * analyzer's label), for one journey or for all, with n and the Wilson 95 % interval per week; a week about fewer
 * people than the small-cell rule allows shows no figure. Weeks run Monday to Sunday in the organisation's time zone,
 * and a period is widened to whole weeks. Counts only: no text is read, so no purpose check is needed.
 */
@Service
public class SentimentTrend {

    /** At most two years of weeks in one trend: a figure per week over a longer span is unreadable anyway. */
    public static final int MAX_WEEKS = 106;

    /** One week: its Monday, the counts and the share; {@code share} is null when the week is hidden or empty. */
    public record Week(LocalDate monday, ShareCount count, @Nullable Estimate share, boolean hidden) {
    }

    /** The weeks of a trend, from the Monday of {@code from} to the Sunday of {@code to}; k is the small-cell threshold. */
    public record Trend(LocalDate from, LocalDate to, @Nullable JourneyId journey, int k, List<Week> weeks) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Journeys journeys;
    private final Touchpoints touchpoints;
    private final SmallCellRule smallCells;

    SentimentTrend(JdbcClient jdbc, Organisations organisations, Journeys journeys, Touchpoints touchpoints, SmallCellRule smallCells) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.journeys = journeys;
        this.touchpoints = touchpoints;
        this.smallCells = smallCells;
    }

    @Transactional(readOnly = true)
    public Trend weekly(LocalDate from, LocalDate to, @Nullable JourneyId journey) {
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "textinsight.invalid.toBeforeFrom");
        }
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        long weeks = ChronoUnit.WEEKS.between(monday, sunday.plusDays(1));
        if (weeks > MAX_WEEKS) {
            throw InvalidInputException.of("to", "textinsight.invalid.trendSpan", MAX_WEEKS);
        }
        List<UUID> within = null;
        if (journey != null) {
            journeys.byId(journey).orElseThrow(() -> new NotFoundException("textinsight.thing.journey", journey.value()));
            within = touchpoints.ofJourney(journey).stream().map(Touchpoint::id).map(t -> t.value()).toList();
        }
        TreeMap<LocalDate, ShareCount> counts = new TreeMap<>();
        for (LocalDate week = monday; week.isBefore(sunday); week = week.plusWeeks(1)) {
            counts.put(week, ShareCount.NONE);
        }
        if (within == null || !within.isEmpty()) {
            count(monday, sunday, within, counts);
        }
        List<Week> points = new ArrayList<>();
        counts.forEach((week, count) -> {
            boolean hidden = smallCells.hides(count.n());
            Estimate share = hidden || count.n() == 0 ? null : Intervals.share(count.hits(), count.n());
            points.add(new Week(week, count, share, hidden));
        });
        return new Trend(monday, sunday, journey, smallCells.k(), points);
    }

    private void count(LocalDate monday, LocalDate sunday, @Nullable List<UUID> within, TreeMap<LocalDate, ShareCount> counts) {
        ZoneId zone = organisations.current().timeZone();
        String touchpointFilter = within == null ? "" : "and touchpoint_id in (:touchpoints) ";
        var sql = jdbc.sql("select written_at, coalesce(corrected_label, label) from textinsight_analysis "
                        + "where source_kind in (:kinds) and written_at >= :from and written_at < :to " + touchpointFilter)
                .param("kinds", List.of(TextSource.COMMENT.name(), TextSource.CASE.name(), TextSource.NOTE.name()))
                .param("from", monday.atStartOfDay(zone).toOffsetDateTime())
                .param("to", sunday.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        if (within != null) {
            sql = sql.param("touchpoints", within);
        }
        sql.query(rs -> {
            LocalDate day = rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
            LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            boolean negative = "negative".equals(rs.getString(2));
            counts.merge(week, new ShareCount(negative ? 1 : 0, 1), ShareCount::plus);
        });
    }
}
