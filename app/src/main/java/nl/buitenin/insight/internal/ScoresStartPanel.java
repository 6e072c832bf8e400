package nl.buitenin.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The CX manager's scores on the start page: NPS, CSAT and CES per journey over the last twelve weeks (the journey
 * map's default period), each question of a scale summed over the journey's touchpoints from the score histograms,
 * with n, the 95 % interval of {@link Histogram#score()} and a weekly sparkline. A score or week about fewer people
 * than the small-cell rule allows is not shown.
 */
@Component
class ScoresStartPanel implements StartPanel {

    static final int WEEKS = 12;
    private static final List<ScoreScale> SCALES = List.of(ScoreScale.NPS, ScoreScale.CSAT, ScoreScale.CES);
    private static final String LINK = "/insight/journey-map";

    private final Journeys journeys;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    ScoresStartPanel(Journeys journeys, ScoreHistograms histograms, Organisations organisations, SmallCellRule smallCells) {
        this.journeys = journeys;
        this.histograms = histograms;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    /** Figures over weeks or months: a replica's few seconds behind change nothing a reader acts on. */
    @Override
    public boolean mayLag() {
        return true;
    }

    @Override
    public String titleKey() {
        return "insight.start.title";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST");
    }

    @Override
    public String emptyKey() {
        return "insight.start.empty";
    }

    @Override
    public String detailKey() {
        return "insight.start.more";
    }

    @Override
    public String detailPath() {
        return LINK;
    }

    @Override
    public List<StartFigure> figures(String username, Locale locale) {
        LocalDate to = LocalDate.now(organisations.current().timeZone());
        LocalDate from = to.minusWeeks(WEEKS).plusDays(1);
        return figures(from, to, locale);
    }

    List<StartFigure> figures(LocalDate from, LocalDate to, Locale locale) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = Grouping.WEEK.periodStart(from, from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        Map<TouchpointId, Journey> journeyOf = new HashMap<>();
        List<Journey> all = journeys.all();
        all.forEach(j -> j.touchpoints().forEach(t -> journeyOf.put(t.id(), j)));
        // per journey and scale: the week's summed histogram
        Map<Journey, Map<ScoreScale, Map<LocalDate, Histogram>>> sums = new HashMap<>();
        for (ScoreSlice slice : histograms.summarise(new ScoreQuery(Set.of(), from, to, null, Grouping.WEEK, true))) {
            Journey journey = slice.touchpoint() == null ? null : journeyOf.get(slice.touchpoint());
            if (journey == null || !SCALES.contains(slice.scale())) {
                continue;
            }
            sums.computeIfAbsent(journey, j -> new HashMap<>()).computeIfAbsent(slice.scale(), s -> new HashMap<>())
                    .merge(slice.periodStart(), slice.histogram(), Histogram::plus);
        }
        List<StartFigure> figures = new ArrayList<>();
        for (Journey journey : all) {
            Map<ScoreScale, Map<LocalDate, Histogram>> perScale = sums.getOrDefault(journey, Map.of());
            for (ScoreScale scale : SCALES) {
                Map<LocalDate, Histogram> perWeek = perScale.get(scale);
                if (perWeek != null) {
                    figures.add(figure(journey.name(locale), scale, perWeek, weeks));
                }
            }
        }
        return figures;
    }

    private StartFigure figure(String journey, ScoreScale scale, Map<LocalDate, Histogram> perWeek, List<LocalDate> weeks) {
        StartPanel.Text label = StartPanel.Text.of("insight.start." + scale.name().toLowerCase(Locale.ROOT), journey);
        Histogram total = perWeek.values().stream().reduce(Histogram::plus).orElseThrow();
        long n = total.n();
        if (smallCells.hides(n)) {
            return StartFigure.without(label, StartPanel.Text.of("home.figure.hidden", smallCells.k()), LINK);
        }
        Estimate estimate = total.score().orElse(null);
        if (estimate == null) {
            return StartFigure.without(label, StartPanel.Text.of("insight.start.tooFew"), LINK);
        }
        List<Double> trend = weeks.stream().map(week -> weekly(perWeek.get(week))).toList();
        StartFigure figure = StartFigure.estimate(label, format(scale), n, estimate.value(), estimate.lower(), estimate.upper(), LINK)
                .withTrend(trend);
        return estimate.smallSample() ? figure.withNote(StartPanel.Text.of("insight.start.smallSample", Estimate.SMALL_SAMPLE)) : figure;
    }

    /** A week's score for the sparkline; NaN when that week has none or too few people to show one. */
    private double weekly(Histogram week) {
        if (week == null || smallCells.hides(week.n())) {
            return Double.NaN;
        }
        return week.score().map(Estimate::value).orElse(Double.NaN);
    }

    private static StartFigure.Format format(ScoreScale scale) {
        return switch (scale) {
            case NPS -> StartFigure.Format.POINTS;
            case CSAT -> StartFigure.Format.PERCENT;
            default -> StartFigure.Format.MEAN;
        };
    }
}
