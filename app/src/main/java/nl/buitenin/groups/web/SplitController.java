package nl.buitenin.groups.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitComparison.Block;
import nl.buitenin.groups.internal.SplitComparison.Measure;
import nl.buitenin.groups.internal.SplitComparison.Row;
import nl.buitenin.groups.internal.SplitComparison.Side;
import nl.buitenin.insight.readings.Difference;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The page "Werkte de splitsing?": per group of a split and for everyone together a theme's share and NPS and CSAT
 * before against after the split's date, each difference with its interval and p-value, and what that means in words.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class SplitController {

    private final SplitComparison comparison;
    private final SplitQuery.Reader queries;
    private final SmallCellRule smallCells;
    private final MessageSource messages;

    SplitController(SplitComparison comparison, SplitQuery.Reader queries, SmallCellRule smallCells, MessageSource messages) {
        this.comparison = comparison;
        this.queries = queries;
        this.smallCells = smallCells;
        this.messages = messages;
    }

    /** One measure's line in a group's table. */
    record Line(String measureKey, String before, String after, @Nullable String difference, @Nullable String interval,
            @Nullable String p, @Nullable String reasonKey, boolean worse, boolean better) {
    }

    record Table(String name, boolean everyone, List<Line> lines) {
    }

    @GetMapping("/groups/split")
    String page(@RequestParam(required = false) @Nullable String split, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String weeks, @RequestParam(required = false) @Nullable String theme,
            Model model, Locale locale) {
        int k = smallCells.k();
        model.addAttribute("k", k);
        model.addAttribute("splits", comparison.splits());
        model.addAttribute("themes", comparison.themes());
        model.addAttribute("weeks", weeks);
        model.addAttribute("date", date);
        try {
            Optional<SplitQuery> read = queries.read(split, date, weeks, theme);
            if (read.isEmpty()) {
                return "groups/split";
            }
            SplitQuery query = read.get();
            model.addAttribute("query", query);
            SplitComparison.Result result = comparison.compare(query.split(), query.beforeFrom(), query.at(), query.afterTo(), query.theme());
            String themeName = result.theme() == null ? null : result.theme().name(locale);
            model.addAttribute("themeName", themeName);
            List<Table> tables = new ArrayList<>();
            List<String> sentences = new ArrayList<>();
            List<String> worse = new ArrayList<>();
            for (Block block : result.groups()) {
                String name = block.group().name(locale);
                tables.add(table(name, false, block, k, locale));
                sentences.add(sentence(block.rows().get(0), name, themeName, locale));
                block.rows().stream().filter(SplitWords::clearlyWorse).findFirst().ifPresent(r -> worse.add(name));
            }
            tables.add(table(messages.getMessage("groups.split.everyone", null, locale), true, result.everyone(), k, locale));
            sentences.add(sentence(result.everyone().rows().get(0), messages.getMessage("groups.split.everyone.lower", null, locale),
                    themeName, locale));
            model.addAttribute("tables", tables);
            model.addAttribute("sentences", sentences.stream().filter(s -> s != null).toList());
            model.addAttribute("worse", worse.isEmpty() ? messages.getMessage("groups.split.worse.none", null, locale)
                    : messages.getMessage("groups.split.worse", new Object[] {String.join(", ", worse)}, locale));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "groups/split";
    }

    /** "'tempo van de groep' bij Genieten onderweg: 18 % → 4 %, verschil −14 pp (−20 … −8), p < 0,001." */
    private @Nullable String sentence(Row row, String who, @Nullable String themeName, Locale locale) {
        String what = row.measure() == Measure.THEME ? "‘" + themeName + "’" : messages.getMessage("groups.split.measure." + row.measure(), null, locale);
        if (row.comparison() == null) {
            return messages.getMessage("groups.split.sentence.none", new Object[] {what, who}, locale);
        }
        Difference d = row.comparison().difference();
        return messages.getMessage("groups.split.sentence", new Object[] {what, who,
                SplitWords.value(row.measure(), row.before().estimate(), locale), SplitWords.value(row.measure(), row.after().estimate(), locale),
                SplitWords.signed(row.measure(), d.value(), locale), SplitWords.interval(row.measure(), d, locale),
                SplitWords.p(d.pValue(), locale)}, locale);
    }

    private Table table(String name, boolean everyone, Block block, int k, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (Row row : block.rows()) {
            Difference d = row.comparison() == null ? null : row.comparison().difference();
            lines.add(new Line("groups.split.measure." + row.measure(), side(row.measure(), row.before(), k, locale),
                    side(row.measure(), row.after(), k, locale), d == null ? null : SplitWords.signed(row.measure(), d.value(), locale),
                    d == null ? null : SplitWords.interval(row.measure(), d, locale), d == null ? null : SplitWords.p(d.pValue(), locale),
                    row.reason(), SplitWords.clearlyWorse(row), SplitWords.clearlyBetter(row)));
        }
        return new Table(name, everyone, lines);
    }

    private String side(Measure measure, Side side, int k, Locale locale) {
        if (side.hidden()) {
            return messages.getMessage("groups.hidden", new Object[] {k}, locale);
        }
        if (side.estimate() == null) {
            return messages.getMessage("groups.noAnswers", null, locale);
        }
        return messages.getMessage("groups.split.side", new Object[] {SplitWords.value(measure, side.estimate(), locale), side.n()}, locale);
    }
}
