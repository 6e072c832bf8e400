package nl.buitenin.groups.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupActivity;
import nl.buitenin.groups.internal.GroupScores;
import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.readings.Difference;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The page "Groepen": every group with its size and, for a period, its NPS, CSAT and CES with n and interval (as cards
 * that wrap on a phone), and the difference between two chosen groups with its interval and p-value.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class GroupsController {

    private final GroupScores scores;
    private final GroupActivity activity;
    private final Period.Reader periods;
    private final SmallCellRule smallCells;

    GroupsController(GroupScores scores, GroupActivity activity, Period.Reader periods, SmallCellRule smallCells) {
        this.scores = scores;
        this.activity = activity;
        this.periods = periods;
        this.smallCells = smallCells;
    }

    /** One score as the page shows it; hidden and empty figures say so in words. */
    record Cell(String scale, @Nullable String value, @Nullable String interval, long n, boolean hidden, boolean smallSample) {
    }

    record Card(String id, String name, String description, String kindKey, boolean active, @Nullable Long members, boolean membersHidden,
            @Nullable String rule, List<Cell> cells) {
    }

    /**
     * One of a group's interactions, failure demand and response rate: {@code count} is the interactions (with the
     * people behind them) or the share with its interval and n.
     */
    record ActivityCell(String labelKey, @Nullable String value, @Nullable String interval, long n, long people, boolean hidden) {
    }

    record DifferenceRow(String scale, @Nullable String value, @Nullable String interval, @Nullable String p, boolean clear,
            @Nullable String reasonKey) {
    }

    @GetMapping("/groups")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String first, @RequestParam(required = false) @Nullable String second,
            Model model, Locale locale) {
        model.addAttribute("k", smallCells.k());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("first", first);
        model.addAttribute("second", second);
        model.addAttribute("cards", List.of());
        try {
            Period period = periods.read(from, to, first, second);
            List<GroupScores.GroupFigures> figures = new ArrayList<>(scores.figures(period.start(), period.end()));
            figures.sort(Comparator.comparing((GroupScores.GroupFigures f) -> !f.group().active())
                    .thenComparing(f -> f.group().split() == null ? "" : f.group().split()).thenComparing(f -> f.group().name(locale)));
            model.addAttribute("period", period);
            model.addAttribute("cards", figures.stream().map(f -> card(f, locale)).toList());
            model.addAttribute("activity", activity.figures(period.start(), period.end()).stream()
                    .collect(Collectors.toMap(f -> f.group().id().value().toString(), f -> activityCells(f, locale))));
            model.addAttribute("choices", figures.stream().map(GroupScores.GroupFigures::group).toList());
            List<GroupScores.Difference> differences = period.comparison(figures);
            if (!differences.isEmpty()) {
                model.addAttribute("firstName", name(figures, period.first().value().toString(), locale));
                model.addAttribute("secondName", name(figures, period.second().value().toString(), locale));
                model.addAttribute("differences", differences.stream().map(d -> row(d, locale)).toList());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "groups/groups";
    }

    private static String name(List<GroupScores.GroupFigures> figures, String id, Locale locale) {
        return figures.stream().map(GroupScores.GroupFigures::group).filter(g -> g.id().value().toString().equals(id))
                .map(g -> g.name(locale)).findFirst().orElse("");
    }

    private Card card(GroupScores.GroupFigures figures, Locale locale) {
        Group group = figures.group();
        List<Cell> cells = new ArrayList<>();
        for (ScoreScale scale : GroupScores.SCALES) {
            GroupScores.Figure figure = figures.score(scale);
            Estimate e = figure.estimate();
            cells.add(new Cell(scale.name(), e == null ? null : number(scale, e.value(), locale),
                    e == null ? null : number(scale, e.lower(), locale) + " – " + number(scale, e.upper(), locale),
                    figure.n(), figure.hidden(), e != null && e.smallSample()));
        }
        return new Card(group.id().value().toString(), group.name(locale), group.description(locale), group.kind().messageKey(), group.active(),
                figures.sizeHidden() ? null : figures.size(), figures.sizeHidden(), group.rule() == null ? null : group.rule().text(), cells);
    }

    private static List<ActivityCell> activityCells(GroupActivity.GroupActivityFigures figures, Locale locale) {
        return List.of(activityCell("groups.activity.interactions", figures.volume(), locale),
                activityCell("groups.activity.failureDemand", figures.failureDemand(), locale),
                activityCell("groups.activity.responseRate", figures.responseRate(), locale));
    }

    private static ActivityCell activityCell(String key, GroupActivity.Figure figure, Locale locale) {
        Estimate e = figure.share();
        String value = e == null ? String.format(locale, "%,d", figure.n()) : number(ScoreScale.CSAT, e.value(), locale);
        return new ActivityCell(key, value, e == null ? null : number(ScoreScale.CSAT, e.lower(), locale) + " – "
                + number(ScoreScale.CSAT, e.upper(), locale), figure.n(), figure.people(), figure.hidden());
    }

    private static DifferenceRow row(GroupScores.Difference difference, Locale locale) {
        if (difference.comparison() == null) {
            return new DifferenceRow(difference.scale().name(), null, null, null, false, difference.reason());
        }
        Difference d = difference.comparison().difference();
        ScoreScale scale = difference.scale();
        return new DifferenceRow(scale.name(), signed(scale, d.value(), locale),
                signed(scale, d.lower(), locale) + " – " + signed(scale, d.upper(), locale),
                d.pValue() < 0.001 ? "< " + String.format(locale, "%.3f", 0.001) : String.format(locale, "%.3f", d.pValue()),
                d.excludesZero(), null);
    }

    /** NPS in whole points, CSAT in whole percent, CES with one decimal. */
    static String number(ScoreScale scale, double value, Locale locale) {
        return switch (scale) {
            case NPS -> String.format(locale, "%.0f", value);
            case CSAT -> String.format(locale, "%.0f %%", value);
            default -> String.format(locale, "%.1f", value);
        };
    }

    static String signed(ScoreScale scale, double value, Locale locale) {
        String number = number(scale, Math.abs(value), locale);
        return (value < 0 && !number.matches("0([.,]0)?( %)?") ? "−" : value > 0 && !number.matches("0([.,]0)?( %)?") ? "+" : "") + number;
    }
}
