package nl.buitenin.demand.internal.roster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;

/**
 * The planner's staffing gaps on the start page: for the series the demand pages open first, the coming seven days of
 * the plan (the staffing page's usual goal) against the roster: how many intervals are short, the largest shortage and
 * when, and how many are over. Without a roster it says so and links to the roster page, never a made-up one.
 */
@Component
class RosterStartPanel implements StartPanel {

    static final int DAYS = 7;

    private final DemandFigures figures;
    private final RosterGaps gaps;
    private final MessageSource messages;

    RosterStartPanel(DemandFigures figures, RosterGaps gaps, MessageSource messages) {
        this.figures = figures;
        this.gaps = gaps;
        this.messages = messages;
    }

    /** Figures over weeks or months: a replica's few seconds behind change nothing a reader acts on. */
    @Override
    public boolean mayLag() {
        return true;
    }

    @Override
    public String titleKey() {
        return "demand.roster.start.title";
    }

    @Override
    public int order() {
        return 610;
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
        String value = URLEncoder.encode(key.parameter(), StandardCharsets.UTF_8);
        Gaps.Result week = gaps.of(key, StaffingGoal.usual(), null, DAYS).gaps().firstDays(DAYS);
        int minutes = figures.intervalMinutes();
        if (!week.anyRoster()) {
            return List.of(StartFigure.without(Text.of("demand.roster.start.short" + minutes, DAYS, name), Text.of("demand.roster.start.none"),
                    "/demand/roster?series=" + value));
        }
        String link = "/demand/staffing?series=" + value + "#gaps";
        StartFigure shortFigure = StartFigure.count(Text.of("demand.roster.start.short" + minutes, DAYS, name), week.shortIntervals(), link);
        Gaps.Gap largest = week.largestShort();
        if (largest != null) {
            String when = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", locale).format(largest.start());
            shortFigure = shortFigure.withNote(Text.of("demand.roster.start.largest", largest.shortBy(), when));
        }
        List<StartFigure> result = new ArrayList<>();
        result.add(shortFigure);
        StartFigure over = StartFigure.count(Text.of("demand.roster.start.over" + minutes, DAYS, name), week.overIntervals(), link);
        if (!week.notRostered().isEmpty()) {
            over = over.withNote(Text.of("demand.roster.start.daysWithout", week.notRostered().size()));
        }
        result.add(over);
        return result;
    }
}
