package nl.buitenin.groups.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitEconomics;

/** Costs and gains as a reader reads them: euros without cents, changes with their interval, the answer in one paragraph. */
final class EconomicsWords {

    private EconomicsWords() {
    }

    static String money(double value, Locale locale) {
        return (value < -0.5 ? "−" : "") + "€ " + String.format(locale, "%,.0f", Math.abs(value));
    }

    static String number(double value, Locale locale) {
        return String.format(locale, "%,.0f", value);
    }

    /** One decimal: agent hours a month ("4,3"). */
    static String decimal(double value, Locale locale) {
        return String.format(locale, "%,.1f", value);
    }

    static String signedDecimal(double value, Locale locale) {
        String text = decimal(Math.abs(value), locale);
        return (value > 0 && !text.equals(decimal(0, locale)) ? "+" : value < 0 && !text.equals(decimal(0, locale)) ? "−" : "") + text;
    }

    /** A number as typed back into a field: no thousands separator, decimals only when there are any. */
    static String plain(double value, Locale locale) {
        return value == Math.rint(value) ? String.format(locale, "%.0f", value) : String.format(locale, "%s", value).replace('.',
                "nl".equals(locale.getLanguage()) ? ',' : '.');
    }

    static String signedPlain(double value, Locale locale) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + plain(Math.abs(value), locale);
    }

    /** "+8 (−2 … +18)" for NPS, "−14 pp (−20 … −8)" for a share; "not measured" without a change. */
    static String change(SplitEconomics.@Nullable Change change, boolean share, MessageSource messages, Locale locale) {
        if (change == null) {
            return messages.getMessage("groups.economics.notMeasured", null, locale);
        }
        SplitComparison.Measure measure = share ? SplitComparison.Measure.THEME : SplitComparison.Measure.NPS;
        return SplitWords.signed(measure, change.value(), locale) + " (" + SplitWords.signed(SplitComparison.Measure.NPS, change.lower(), locale)
                + " … " + SplitWords.signed(SplitComparison.Measure.NPS, change.upper(), locale) + ")";
    }

    /** The answer to "the costs go up — does everyone agree?" in numbers. */
    static String answer(SplitEconomics.Result figures, SplitComparison.Result result, @Nullable String themeName, MessageSource messages,
            Locale locale) {
        StringBuilder text = new StringBuilder(messages.getMessage("groups.economics.answer.cost",
                new Object[] {money(figures.extraCostPerMonth(), locale), number(figures.extraHoursPerMonth(), locale)}, locale));
        if (figures.agents().extraCostPerMonth() != null && figures.agents().lines().stream().anyMatch(l -> !l.hidden())) {
            text.append(' ').append(messages.getMessage("groups.economics.answer.agents", new Object[] {
                    signedDecimal(figures.agents().extraHoursPerMonth(), locale), money(figures.agents().extraCostPerMonth(), locale)}, locale));
        }
        text.append(' ').append(messages.getMessage("groups.economics.answer.nps",
                new Object[] {change(figures.everyoneNps(), false, messages, locale)}, locale));
        if (themeName != null) {
            text.append(' ').append(messages.getMessage("groups.economics.answer.theme",
                    new Object[] {"‘" + themeName + "’", change(figures.everyoneTheme(), true, messages, locale)}, locale));
        }
        List<String> worse = result.groups().stream().filter(b -> b.rows().stream().anyMatch(SplitWords::clearlyWorse))
                .map(b -> b.group().name(locale)).toList();
        text.append(' ').append(worse.isEmpty() ? messages.getMessage("groups.split.worse.none", null, locale)
                : messages.getMessage("groups.split.worse", new Object[] {String.join(", ", worse)}, locale));
        SplitEconomics.Change nps = figures.everyoneNps();
        if (nps != null && nps.lower() > 0 && figures.extraCostPerMonth() > 0) {
            text.append(' ').append(messages.getMessage("groups.economics.answer.perPoint",
                    new Object[] {money(figures.extraCostPerMonth() / nps.value(), locale)}, locale));
        }
        if (!figures.complete()) {
            text.append(' ').append(messages.getMessage("groups.economics.answer.incomplete", null, locale));
        }
        return text.toString();
    }

    static String whatIf(SplitEconomics.WhatIfResult outcome, List<SplitEconomics.GroupLine> lines, MessageSource messages, Locale locale) {
        String group = name(lines, outcome.whatIf().group(), locale);
        String into = name(lines, outcome.whatIf().into(), locale);
        String what = switch (outcome.whatIf().action()) {
            case DROP -> messages.getMessage("groups.economics.whatIf.drop", new Object[] {group}, locale);
            case MERGE -> messages.getMessage("groups.economics.whatIf.merge", new Object[] {group, into}, locale);
            case ADD -> messages.getMessage("groups.economics.whatIf.add",
                    new Object[] {plain(outcome.whatIf().tripsPerMonth(), locale), plain(outcome.whatIf().extraGuides(), locale)}, locale);
        };
        String expected = outcome.expected() == null ? messages.getMessage("groups.economics.whatIf.unknown", null, locale)
                : messages.getMessage("groups.economics.whatIf.expected", new Object[] {expected(outcome.expected(), locale),
                        outcome.expectedNow() == null ? "–" : expected(outcome.expectedNow(), locale)}, locale);
        return messages.getMessage("groups.economics.whatIf.result", new Object[] {what, money(outcome.costPerMonth(), locale),
                money(outcome.costNowPerMonth(), locale), expected}, locale);
    }

    private static String expected(SplitEconomics.Expected e, Locale locale) {
        return SplitWords.signed(SplitComparison.Measure.NPS, e.value(), locale) + " (" + SplitWords.signed(SplitComparison.Measure.NPS, e.lower(), locale)
                + " … " + SplitWords.signed(SplitComparison.Measure.NPS, e.upper(), locale) + ")";
    }

    private static String name(List<SplitEconomics.GroupLine> lines, nl.buitenin.groups.@Nullable GroupId id, Locale locale) {
        return lines.stream().filter(l -> l.group().id().equals(id)).map(l -> l.group().name(locale)).findFirst().orElse("");
    }
}
