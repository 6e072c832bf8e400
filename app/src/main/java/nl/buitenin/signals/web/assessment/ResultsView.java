package nl.buitenin.signals.web.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.signals.internal.assessment.AssessmentResults.RoundResult;
import nl.buitenin.signals.internal.assessment.DayArea;
import nl.buitenin.signals.internal.assessment.DayReading;

/**
 * The results page in words and figures: the chosen round per capability and department, management against the
 * front line, and the capabilities over the rounds for the organisation or one department. Hidden cells say why.
 */
record ResultsView(List<RoundChoice> rounds, @Nullable UUID chosen, List<Column> columns, List<Row> perDepartment,
        List<GapRow> gaps, List<String> gapSentences, List<String> trendColumns, List<Row> trend, List<String> departments,
        @Nullable String trendDepartment) {

    record RoundChoice(UUID id, String name) {
    }

    record Column(String name, long respondents, @Nullable Long invited, boolean hidden) {
    }

    record Cell(boolean shown, String score, String interval, long n, String why) {
    }

    record Row(String areaKey, List<Cell> cells) {
    }

    record GapRow(String areaKey, boolean shown, String management, String frontLine, String difference, String interval, String p,
            String why) {
    }

    static ResultsView of(List<RoundResult> results, @Nullable UUID wanted, @Nullable String trendDepartment, int k,
            MessageSource messages, Locale locale) {
        Numbers numbers = new Numbers(locale);
        List<RoundResult> latestFirst = new ArrayList<>(results);
        java.util.Collections.reverse(latestFirst);
        List<RoundChoice> choices = latestFirst.stream().map(r -> new RoundChoice(r.round().id(), r.round().name())).toList();
        Optional<RoundResult> chosen = results.stream().filter(r -> r.round().id().equals(wanted)).findFirst()
                .or(() -> latestFirst.stream().filter(r -> r.reading().organisation().respondents() > 0 && !r.reading().organisation().hidden())
                        .findFirst())
                .or(() -> latestFirst.stream().filter(r -> r.reading().organisation().respondents() > 0).findFirst())
                .or(() -> latestFirst.stream().findFirst());
        List<Column> columns = new ArrayList<>();
        List<Row> perDepartment = new ArrayList<>();
        List<GapRow> gaps = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        String hiddenWhy = messages.getMessage("assessment.results.hidden", new Object[] {k}, locale);
        if (chosen.isPresent()) {
            RoundResult result = chosen.get();
            DayReading reading = result.reading();
            for (DayReading.Unit unit : reading.units()) {
                String name = unit.organisation() ? messages.getMessage("assessment.results.organisation", null, locale) : unit.department();
                Long invited = unit.organisation() ? Long.valueOf(result.invited().values().stream().mapToLong(Long::longValue).sum())
                        : result.invited().get(unit.department());
                columns.add(new Column(name, unit.respondents(), invited, unit.hidden()));
            }
            for (DayArea area : DayArea.values()) {
                List<Cell> cells = new ArrayList<>();
                for (DayReading.Unit unit : reading.units()) {
                    cells.add(cell(reading.score(area, unit), unit.hidden(), unit.respondents(), numbers, hiddenWhy, messages, locale));
                }
                perDepartment.add(new Row(area.messageKey(), cells));
            }
            for (DayReading.Gap gap : reading.gaps()) {
                Comparison c = gap.comparison();
                if (gap.hidden() || c == null) {
                    gaps.add(new GapRow(gap.area().messageKey(), false, "", "", "", "", "",
                            gap.hidden() ? messages.getMessage("assessment.results.gapHidden", new Object[] {k}, locale)
                                    : messages.getMessage("assessment.results.tooFew", null, locale)));
                    continue;
                }
                gaps.add(new GapRow(gap.area().messageKey(), true, numbers.score(c.first().value()) + " (n = " + c.first().n() + ")",
                        numbers.score(c.second().value()) + " (n = " + c.second().n() + ")", numbers.signed(c.difference().value()),
                        numbers.signed(c.difference().lower()) + " … " + numbers.signed(c.difference().upper()),
                        numbers.p(c.difference().pValue()), ""));
                if (c.difference().excludesZero()) {
                    String area = messages.getMessage(gap.area().messageKey(), null, locale).toLowerCase(locale);
                    String key = c.difference().value() > 0 ? "assessment.results.gapSentence.higher" : "assessment.results.gapSentence.lower";
                    sentences.add(messages.getMessage(key, new Object[] {area, numbers.score(Math.abs(c.difference().value())),
                            numbers.score(Math.abs(c.difference().lower())), numbers.score(Math.abs(c.difference().upper()))}, locale));
                }
            }
        }
        List<String> departments = results.stream().flatMap(r -> r.reading().units().stream()).filter(u -> !u.organisation())
                .map(DayReading.Unit::department).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        String department = trendDepartment != null && departments.stream().anyMatch(trendDepartment::equalsIgnoreCase) ? trendDepartment : null;
        List<String> trendColumns = results.stream().map(r -> r.round().name()).toList();
        List<Row> trend = new ArrayList<>();
        for (DayArea area : DayArea.values()) {
            List<Cell> cells = new ArrayList<>();
            for (RoundResult result : results) {
                DayReading reading = result.reading();
                DayReading.Unit unit = department == null ? reading.organisation()
                        : reading.units().stream().filter(u -> !u.organisation() && u.department().equalsIgnoreCase(department)).findFirst()
                                .orElse(null);
                cells.add(unit == null ? new Cell(false, "", "", 0, messages.getMessage("assessment.results.none", null, locale))
                        : cell(reading.score(area, unit), unit.hidden(), unit.respondents(), numbers, hiddenWhy, messages, locale));
            }
            trend.add(new Row(area.messageKey(), cells));
        }
        return new ResultsView(choices, chosen.map(r -> r.round().id()).orElse(null), columns, perDepartment, gaps, sentences,
                trendColumns, trend, departments, department);
    }

    private static Cell cell(Optional<Estimate> estimate, boolean hidden, long respondents, Numbers numbers, String hiddenWhy,
            MessageSource messages, Locale locale) {
        if (hidden) {
            return new Cell(false, "", "", 0, hiddenWhy);
        }
        if (respondents == 0) {
            return new Cell(false, "", "", 0, messages.getMessage("assessment.results.none", null, locale));
        }
        return estimate.map(e -> new Cell(true, numbers.score(e.value()), numbers.interval(e), e.n(), ""))
                .orElseGet(() -> new Cell(false, "", "", 0, messages.getMessage("assessment.results.tooFew", null, locale)));
    }
}
