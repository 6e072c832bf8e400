package nl.buitenin.insight.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.GroupFilter;
import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.ThemeCount;
import nl.buitenin.insight.TouchpointShares;
import nl.buitenin.insight.TouchpointThemes;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The journey map: per journey its stages as columns and each touchpoint as a card with the volume of the period, its
 * main score in words with n and 95 % interval (coloured only when n suffices, and then also said in words), the other
 * scores, the shares other modules count ({@link TouchpointShares}: negative comments, failure demand), the themes
 * raised most ({@link TouchpointThemes}) and a weekly sparkline. {@code view=table} shows the same figures as tables,
 * for screen readers. A score of fewer answers than the small-cell minimum is hidden. Filters: the period (default the
 * last 12 weeks), the touchpoint's channel (applies to every figure) and the language of the comments (scores, volumes,
 * shares and themes are not counted per language, and the page says so) and, when a module offers them
 * ({@link GroupFilter}), a customer group: its cards' scores are then that group's answers, and the figures that cannot
 * be split by group (volume, shares, themes, trend, comments) say so in words instead of showing everyone's.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class JourneyMapController {

    static final int TOP_THEMES = 3;
    private static final List<String> LANGUAGES = List.of("nl", "en");
    /** Which score a card leads with when a touchpoint has several: the first of these scales it has. */
    private static final List<ScoreScale> MAIN_FIRST = List.of(ScoreScale.NPS, ScoreScale.CSAT, ScoreScale.CES, ScoreScale.RATING_10,
            ScoreScale.RATING_5);

    private final Journeys journeys;
    private final Interactions interactions;
    private final ScoreHistograms histograms;
    private final Organisations organisations;
    private final SmallCellRule smallCells;
    private final ObjectProvider<TouchpointShares> shares;
    private final ObjectProvider<TouchpointThemes> themes;
    private final ObjectProvider<GroupFilter> groups;
    private final MessageSource messages;
    private final ReplicaReads replicaReads;

    JourneyMapController(Journeys journeys, Interactions interactions, ScoreHistograms histograms, Organisations organisations,
            SmallCellRule smallCells, ObjectProvider<TouchpointShares> shares, ObjectProvider<TouchpointThemes> themes,
            ObjectProvider<GroupFilter> groups, MessageSource messages, ReplicaReads replicaReads) {
        this.replicaReads = replicaReads;
        this.shares = shares;
        this.groups = groups;
        this.themes = themes;
        this.journeys = journeys;
        this.interactions = interactions;
        this.histograms = histograms;
        this.organisations = organisations;
        this.smallCells = smallCells;
        this.messages = messages;
    }

    /**
     * One question's score at a touchpoint; {@code estimate} null when there are too few answers for one. A
     * score of fewer answers than the small-cell rule's k is {@code hidden}: n and estimate are null then, and
     * {@code fewerThan} is k. {@code band} is the colour, null below {@link Estimate#SMALL_SAMPLE} answers.
     */
    record ScoreCell(String question, ScoreScale scale, @Nullable Long n, @Nullable Estimate estimate, boolean hidden, int fewerThan,
            @Nullable ScoreBand band) {

        static ScoreCell of(ScoreSlice slice, SmallCellRule rule) {
            long n = slice.histogram().n();
            if (rule.hides(n)) {
                return new ScoreCell(slice.questionKey(), slice.scale(), null, null, true, rule.k(), null);
            }
            Estimate estimate = slice.score().orElse(null);
            return new ScoreCell(slice.questionKey(), slice.scale(), n, estimate, false, rule.k(), ScoreBand.of(slice.scale(), estimate));
        }

        /** A group's score: hidden when it is about fewer people than the small-cell rule allows, as on the groups page. */
        static ScoreCell of(ScoreScale scale, GroupFilter.GroupScore score, SmallCellRule rule) {
            if (rule.hides(score.people())) {
                return new ScoreCell(scale.name().toLowerCase(Locale.ROOT), scale, null, null, true, rule.k(), null);
            }
            Estimate estimate = score.histogram().score().orElse(null);
            return new ScoreCell(scale.name().toLowerCase(Locale.ROOT), scale, score.histogram().n(), estimate, false, rule.k(),
                    ScoreBand.of(scale, estimate));
        }

        public boolean smallSample() {
            return !hidden && n != null && n < Estimate.SMALL_SAMPLE;
        }

        /** The scale's name in words ("Aanbevelen (NPS)"), never the question's key. */
        public String nameKey() {
            return "journeyMap.scoreName." + scale.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One share at a touchpoint or a stage: {@code estimate} is the share with its Wilson interval, null when nothing
     * was read; {@code hidden} (n and estimate null) when fewer than the small-cell rule's k were read.
     */
    record ShareCell(String nameKey, @Nullable Long n, @Nullable Estimate estimate, boolean hidden, int fewerThan) {

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

    /** A theme on a card: its name in the reader's language and its count, or "fewer than k" under the small-cell rule. */
    record ThemeCell(String name, @Nullable Long count, int fewerThan) {
    }

    record TouchpointRow(Touchpoint touchpoint, long volume, List<ScoreCell> scores, List<ShareCell> shares, List<ThemeCell> themes,
            @Nullable Sparkline trend) {

        /** The score the card leads with, null when the touchpoint has no answers in the period. */
        public @Nullable ScoreCell main() {
            return scores.isEmpty() ? null : scores.get(0);
        }

        public List<ScoreCell> others() {
            return scores.size() < 2 ? List.of() : scores.subList(1, scores.size());
        }
    }

    /** A stage with its number in the journey (kept when a filter leaves earlier stages out). */
    record StageView(int position, Stage stage, List<TouchpointRow> rows, List<ShareCell> shares) {
    }

    record JourneyView(Journey journey, List<StageView> stages) {
    }

    @GetMapping("/insight/journey-map")
    String map(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String group, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String view, Authentication authentication, Locale locale, Model model) {
        boolean table = "table".equalsIgnoreCase(view == null ? "" : view.strip());
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate end = RequestValues.collecting(errors, () -> ScoresApi.date("to", to, today));
        LocalDate start = RequestValues.collecting(errors,
                () -> ScoresApi.date("from", from, (end == null ? today : end).minusWeeks(ScoresApi.DEFAULT_WEEKS).plusDays(1)));
        Channel chosenChannel = RequestValues.collecting(errors,
                () -> RequestValues.choice("channel", channel, Channel.class, "insight.invalid.mapChannel", channel));
        String chosenLanguage = RequestValues.collecting(errors, () -> language(language));
        // Scores per group are read by analysts and administrators, as on the groups page; agents see everyone's map.
        boolean readsGroups = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()) || a.getAuthority().equals(Role.ANALYST.authority()));
        GroupFilter filter = readsGroups ? groups.getIfAvailable() : null;
        List<GroupFilter.Option> groupOptions = filter == null ? List.of() : filter.options(locale);
        GroupFilter.Option chosenGroup = RequestValues.collecting(errors, () -> group(group, groupOptions));
        model.addAttribute("journeys", List.of());
        if (errors.isEmpty()) {
            try {
                // Only reads, and a map a few seconds old is as good: on the read replica when there is one.
                GroupFilter groupFilter = chosenGroup == null ? null : filter;
                model.addAttribute("journeys", replicaReads.read(() -> views(start, end, chosenChannel, groupFilter, chosenGroup, archived, locale)));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        boolean valid = errors.isEmpty();
        model.addAttribute("archived", archived);
        model.addAttribute("table", table);
        model.addAttribute("channel", chosenChannel);
        model.addAttribute("language", chosenLanguage);
        model.addAttribute("groupOptions", groupOptions);
        model.addAttribute("group", chosenGroup);
        model.addAttribute("cardsLink", link(valid ? start : from, valid ? end : to, channel, language, group, archived, false));
        model.addAttribute("tableLink", link(valid ? start : from, valid ? end : to, channel, language, group, archived, true));
        model.addAttribute("from", valid ? start : from);
        model.addAttribute("to", valid ? end : to);
        model.addAttribute("periodText", valid ? period(start, end, locale) : null);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("smallSample", Estimate.SMALL_SAMPLE);
        model.addAttribute("minCell", smallCells.k());
        return "insight/journey-map";
    }

    /** The map with the same filters, as cards or as tables. */
    private static String link(@Nullable Object from, @Nullable Object to, @Nullable String channel, @Nullable String language,
            @Nullable String group, boolean archived, boolean table) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/insight/journey-map");
        if (from != null) {
            link.queryParam("from", from);
        }
        if (to != null) {
            link.queryParam("to", to);
        }
        if (!RequestValues.blank(channel)) {
            link.queryParam("channel", channel.strip());
        }
        if (!RequestValues.blank(language)) {
            link.queryParam("language", language.strip());
        }
        if (!RequestValues.blank(group)) {
            link.queryParam("group", group.strip());
        }
        if (archived) {
            link.queryParam("archived", true);
        }
        if (table) {
            link.queryParam("view", "table");
        }
        return link.encode().build().toUriString();
    }

    private static @Nullable String language(@Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        String language = raw.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw InvalidInputException.of("language", "insight.invalid.mapLanguage", raw);
        }
        return language;
    }

    /** The chosen group among those offered; null for all customers. */
    private static GroupFilter.@Nullable Option group(@Nullable String raw, List<GroupFilter.Option> options) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        return options.stream().filter(option -> option.id().equalsIgnoreCase(raw.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("group", "insight.invalid.mapGroup", raw));
    }

    /** The period in the reader's words: "3 september 2026 tot en met 26 november 2026". */
    private String period(LocalDate from, LocalDate to, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return messages.getMessage("journeyMap.periodText", new Object[] {format.format(from), format.format(to)}, locale);
    }

    /** The journeys in use, or with {@code archived} also the archived ones, whose history stays readable. */
    private List<JourneyView> views(LocalDate from, LocalDate to, @Nullable Channel channel, @Nullable GroupFilter filter,
            GroupFilter.@Nullable Option group, boolean archived, Locale locale) {
        boolean perGroup = filter != null && group != null;
        Map<TouchpointId, List<ScoreCell>> scores = new HashMap<>();
        Map<TouchpointId, Map<String, Map<LocalDate, ScoreSlice>>> weekly = new HashMap<>();
        Map<TouchpointId, Long> volumes = new HashMap<>();
        List<TouchpointShares> kinds = shares.orderedStream().sorted(Comparator.comparingInt(TouchpointShares::order)).toList();
        // Per group the shares keep their names but count nothing: the page says "not per group" in their place.
        List<Map<TouchpointId, ShareCount>> counts = kinds.stream().map(kind -> Map.<TouchpointId, ShareCount>of()).toList();
        Map<TouchpointId, List<ThemeCount>> topThemes = new HashMap<>();
        if (perGroup) {
            // Only the scores are counted per group; the rest stays empty and the page says "not per group".
            filter.scores(group.id(), from, to).orElseThrow(() -> InvalidInputException.of("group", "insight.invalid.mapGroup", group.id()))
                    .forEach((touchpoint, scales) -> scales.forEach((scale, score) -> scores
                            .computeIfAbsent(touchpoint, t -> new ArrayList<>()).add(ScoreCell.of(scale, score, smallCells))));
        } else {
            volumes = interactions.volumes(from, to);
            // The weeks once; the period's totals are their sums (two queries of the roll-ups fewer per page).
            List<ScoreSlice> weeks = histograms.summarise(new ScoreQuery(Set.of(), from, to, null, Grouping.WEEK, true));
            for (ScoreSlice slice : ScoreSlice.totals(weeks, from)) {
                scores.computeIfAbsent(slice.touchpoint(), t -> new ArrayList<>()).add(ScoreCell.of(slice, smallCells));
            }
            for (ScoreSlice slice : weeks) {
                weekly.computeIfAbsent(slice.touchpoint(), t -> new HashMap<>()).computeIfAbsent(slice.questionKey(), q -> new HashMap<>())
                        .put(slice.periodStart(), slice);
            }
            counts = kinds.stream().map(kind -> kind.count(from, to)).toList();
            themes.orderedStream().forEach(source -> source.top(from, to, TOP_THEMES).forEach((touchpoint, list) ->
                    topThemes.merge(touchpoint, list, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList())));
        }
        scores.values().forEach(cells -> cells.sort(MAIN_SCORE_FIRST));
        List<TouchpointShares> shareKinds = kinds;
        List<Map<TouchpointId, ShareCount>> shareCounts = counts;
        Map<TouchpointId, Long> volumeCounts = volumes;
        List<JourneyView> views = new ArrayList<>();
        for (Journey journey : archived ? journeys.allIncludingArchived() : journeys.all()) {
            List<StageView> stages = new ArrayList<>();
            int position = 0;
            for (Stage stage : journey.stages()) {
                position++;
                List<Touchpoint> shown = stage.touchpoints().stream().filter(t -> channel == null || t.channel() == channel).toList();
                if (shown.isEmpty() && channel != null) {
                    continue;
                }
                List<TouchpointRow> rows = shown.stream()
                        .map(t -> {
                            List<ScoreCell> cells = scores.getOrDefault(t.id(), List.of());
                            return new TouchpointRow(t, volumeCounts.getOrDefault(t.id(), 0L), cells,
                                    shareCells(shareKinds, shareCounts, List.of(t.id())), themeCells(topThemes.getOrDefault(t.id(), List.of()), locale),
                                    cells.isEmpty() || perGroup ? null : trend(cells.get(0), weekly.getOrDefault(t.id(), Map.of()), from, to, locale));
                        })
                        .toList();
                stages.add(new StageView(position, stage, rows, shareCells(shareKinds, shareCounts, shown.stream().map(Touchpoint::id).toList())));
            }
            if (!stages.isEmpty() || channel == null) {
                views.add(new JourneyView(journey, stages));
            }
        }
        return views;
    }

    /** The main score first (by scale, then by more answers), the others after it in the same order. */
    private static final Comparator<ScoreCell> MAIN_SCORE_FIRST = Comparator
            .comparingInt((ScoreCell cell) -> cell.hidden() ? 1 : 0)
            .thenComparingInt(cell -> MAIN_FIRST.indexOf(cell.scale()))
            .thenComparing(cell -> cell.n() == null ? 0L : -cell.n())
            .thenComparing(ScoreCell::question);

    private List<ThemeCell> themeCells(List<ThemeCount> counts, Locale locale) {
        return counts.stream()
                .sorted(Comparator.comparingLong(ThemeCount::count).reversed())
                .limit(TOP_THEMES)
                .map(theme -> new ThemeCell(theme.name(locale), smallCells.hides(theme.count()) ? null : theme.count(), smallCells.k()))
                .toList();
    }

    /** The main score's weekly trend over the period; a week of too few answers (or hidden) is a gap. */
    private Sparkline trend(ScoreCell main, Map<String, Map<LocalDate, ScoreSlice>> weekly, LocalDate from, LocalDate to, Locale locale) {
        Map<LocalDate, ScoreSlice> byWeek = weekly.getOrDefault(main.question(), Map.of());
        List<Sparkline.Week> weeks = new ArrayList<>();
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(1);
        number.setMaximumFractionDigits(1);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
        StringBuilder values = new StringBuilder();
        for (LocalDate week = Grouping.WEEK.periodStart(from, from); !week.isAfter(to); week = week.plusWeeks(1)) {
            ScoreSlice slice = byWeek.get(week);
            Double score = slice == null || smallCells.hides(slice.histogram().n()) ? null : slice.score().map(Estimate::value).orElse(null);
            weeks.add(new Sparkline.Week(week, score));
            values.append(values.isEmpty() ? "" : "; ").append(day.format(week)).append(": ")
                    .append(score == null ? "–" : number.format(score));
        }
        String name = messages.getMessage(main.nameKey(), null, locale);
        String label = messages.getMessage("journeyMap.sparkline", new Object[] {name, values.toString()}, locale);
        return Sparkline.of(main.scale(), weeks, label);
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
