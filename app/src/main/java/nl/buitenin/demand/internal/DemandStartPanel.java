package nl.buitenin.demand.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;

/**
 * The planner's start panel: for the series the demand pages open first (the phone, else the first there is), the
 * contacts counted today so far against the forecast for the same intervals ({@link DemandFigures#todaySoFar}), each
 * with a sparkline per interval of the counts (solid) against the forecast (dashed).
 */
@Component
class DemandStartPanel implements StartPanel {

    private final DemandFigures figures;
    private final MessageSource messages;
    private final Clock clock;

    DemandStartPanel(DemandFigures figures, MessageSource messages, Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    /** Figures over weeks or months: a replica's few seconds behind change nothing a reader acts on. */
    @Override
    public boolean mayLag() {
        return true;
    }

    @Override
    public String titleKey() {
        return "demand.start.title";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public Set<String> roles() {
        return Set.of("PLANNER");
    }

    @Override
    public String emptyKey() {
        return "demand.start.empty";
    }

    @Override
    public List<StartFigure> figures(String username, Locale locale) {
        Optional<SeriesKey> series = figures.resolve(null, null);
        if (series.isEmpty()) {
            return List.of();
        }
        SeriesKey key = series.get();
        String name = key.name(messages, locale);
        String link = "/demand/forecast?series=" + URLEncoder.encode(key.parameter(), StandardCharsets.UTF_8);
        Optional<DemandFigures.TodaySoFar> today = figures.todaySoFar(key, clock.instant());
        if (today.isEmpty()) {
            return List.of(StartFigure.without(Text.of("demand.start.actual", name), Text.of("demand.start.noCountsToday"), link));
        }
        DemandFigures.TodaySoFar t = today.get();
        long actual = Math.round(t.actualTotal());
        long forecast = Math.round(t.forecastTotal());
        // The counts drawn against the forecast on one scale; the forecast's own figure needs no second line.
        StartFigure counted = StartFigure.count(Text.of("demand.start.actual", name), actual, link).withTrend(t.actual(), t.forecast());
        StartFigure expected = StartFigure.count(Text.of("demand.start.forecast", name), forecast, link);
        if (forecast > 0) {
            counted = counted.withNote(Text.of("demand.start.ofForecast", Math.round(100.0 * actual / forecast)));
        }
        return List.of(counted, expected.withNote(Text.of("demand.start.intervals", t.actual().size())));
    }
}
