package nl.buitenin.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.TouchpointShares;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The journey map: per journey, stage and touchpoint the volume of the period and every score with n
 * and its 95 % interval, plus a weekly trend. A score of fewer answers than the small-cell minimum is hidden
 * (nobody reads single answers' scores, so there is no exception). The volume is a count of contacts, not of
 * answers, and is shown as it is. The latest comments come from listening, each read under a purpose. Shares that
 * other modules count per touchpoint ({@link TouchpointShares}: negative comments, failure demand) follow the scores,
 * per touchpoint and summed per stage, under the same small-cell rule.
 */
@Controller
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class JourneyMapController {

    private final Journeys journeys;
    private final Interactions interactions;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final ObjectProvider<TouchpointShares> shares;

    JourneyMapController(Journeys journeys, Interactions interactions, ScoreHistograms histograms, Organisations organisations,
            SmallCellRule smallCells, ObjectProvider<TouchpointShares> shares) {
        this.shares = shares;
        this.journeys = journeys;
        this.interactions = interactions;
        this.histograms = histograms;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    /**
     * One question's score at a touchpoint; {@code estimate} null when there are too few answers for one. A
     * score of fewer answers than the small-cell rule's k is {@code hidden}: n and estimate are null then, and
     * {@code fewerThan} is k.
     */
    record ScoreCell(String question, ScoreScale scale, Long n, Estimate estimate, boolean hidden, int fewerThan) {

        static ScoreCell of(ScoreSlice slice, SmallCellRule rule) {
            long n = slice.histogram().n();
            if (rule.hides(n)) {
                return new ScoreCell(slice.questionKey(), slice.scale(), null, null, true, rule.k());
            }
            return new ScoreCell(slice.questionKey(), slice.scale(), n, slice.score().orElse(null), false, rule.k());
        }

        public boolean smallSample() {
            return !hidden && n < Estimate.SMALL_SAMPLE;
        }
    }

    /**
     * One share at a touchpoint or a stage: {@code estimate} is the share with its Wilson interval, null when nothing
     * was read; {@code hidden} (n and estimate null) when fewer than the small-cell rule's k were read.
     */
    record ShareCell(String nameKey, Long n, Estimate estimate, boolean hidden, int fewerThan) {

        static ShareCell of(String nameKey, ShareCount count, SmallCellRule rule) {
            if (count.n() == 0) {
                return new ShareCell(nameKey, 0L, null, false, rule.k());
            }
            if (rule.hides(count.n())) {
                return new ShareCell(nameKey, null, null, true, rule.k());
            }
            return new ShareCell(nameKey, count.n(), Intervals.share(count.hits(), count.n()), false, rule.k());
        }

        public boolean smallSample() {
            return !hidden && n != null && n > 0 && n < Estimate.SMALL_SAMPLE;
        }
    }

    record TouchpointRow(Touchpoint touchpoint, long volume, List<ScoreCell> scores, List<ShareCell> shares) {
    }

    record StageView(Stage stage, List<TouchpointRow> rows, List<ShareCell> shares) {
    }

    record JourneyView(Journey journey, List<StageView> stages) {
    }

    @GetMapping("/insight/journey-map")
    String map(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("archived", archived);
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        try {
            LocalDate end = ScoresApi.date("to", to, today);
            LocalDate start = ScoresApi.date("from", from, end.minusWeeks(ScoresApi.DEFAULT_WEEKS).plusDays(1));
            model.addAttribute("journeys", views(start, end, archived));
            model.addAttribute("from", start);
            model.addAttribute("to", end);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("journeys", List.of());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        model.addAttribute("smallSample", Estimate.SMALL_SAMPLE);
        model.addAttribute("minCell", smallCells.k());
        return "insight/journey-map";
    }

    /** The journeys in use, or with {@code archived} also the archived ones, whose history stays readable. */
    private List<JourneyView> views(LocalDate from, LocalDate to, boolean archived) {
        Map<TouchpointId, Long> volumes = interactions.volumes(from, to);
        Map<TouchpointId, List<ScoreCell>> scores = new HashMap<>();
        for (ScoreSlice slice : histograms.summarise(new ScoreQuery(Set.of(), from, to, null, Grouping.TOTAL, true))) {
            scores.computeIfAbsent(slice.touchpoint(), t -> new ArrayList<>())
                    .add(ScoreCell.of(slice, smallCells));
        }
        scores.values().forEach(cells -> cells.sort(Comparator.comparing(ScoreCell::question)));
        List<TouchpointShares> kinds = shares.orderedStream().sorted(Comparator.comparingInt(TouchpointShares::order)).toList();
        List<Map<TouchpointId, ShareCount>> counts = kinds.stream().map(kind -> kind.count(from, to)).toList();
        List<JourneyView> views = new ArrayList<>();
        for (Journey journey : archived ? journeys.allIncludingArchived() : journeys.all()) {
            List<StageView> stages = new ArrayList<>();
            for (Stage stage : journey.stages()) {
                List<TouchpointRow> rows = stage.touchpoints().stream()
                        .map(t -> new TouchpointRow(t, volumes.getOrDefault(t.id(), 0L), scores.getOrDefault(t.id(), List.of()),
                                shareCells(kinds, counts, List.of(t.id()))))
                        .toList();
                stages.add(new StageView(stage, rows, shareCells(kinds, counts, stage.touchpoints().stream().map(Touchpoint::id).toList())));
            }
            views.add(new JourneyView(journey, stages));
        }
        return views;
    }

    /** Each share summed over the given touchpoints (one for a row, all of a stage for its total). */
    private List<ShareCell> shareCells(List<TouchpointShares> kinds, List<Map<TouchpointId, ShareCount>> counts, List<TouchpointId> touchpoints) {
        List<ShareCell> cells = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            ShareCount sum = ShareCount.NONE;
            for (TouchpointId touchpoint : touchpoints) {
                sum = sum.plus(counts.get(i).getOrDefault(touchpoint, ShareCount.NONE));
            }
            cells.add(ShareCell.of(kinds.get(i).nameKey(), sum, smallCells));
        }
        return cells;
    }
}
