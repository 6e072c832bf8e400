package nl.buitenin.assumptions.web;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.assumptions.Verdict;
import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.assumptions.internal.AssumptionTest;
import nl.buitenin.assumptions.internal.Explanations;
import nl.buitenin.assumptions.internal.Outcome;
import nl.buitenin.insight.Estimate;

/**
 * An assumption as a page shows it: names rather than ids, the verdict and its explanation in the reader's language,
 * and the evidence as numbers written as the reader writes them.
 */
record AssumptionView(UUID id, String statement, String department, @Nullable String owner, String where, @Nullable String verdictKey,
        String verdictClass, String explanation, @Nullable Evidence evidence, @Nullable Outcome outcome, @Nullable AssumptionTest test) {

    record Evidence(String n, String value, String lower, String upper, String expected) {
    }

    static AssumptionView of(Assumption a, String where, @Nullable String ownerName, Explanations explanations, Locale locale) {
        Outcome o = a.outcome();
        AssumptionTest t = a.test();
        Estimate e = o == null ? null : o.figure();
        Evidence evidence = e == null || t == null ? null
                : new Evidence(java.text.NumberFormat.getIntegerInstance(locale).format(o.n()), explanations.value(t, e.value(), locale),
                        explanations.value(t, e.lower(), locale), explanations.value(t, e.upper(), locale), explanations.expected(t, o, locale));
        Verdict verdict = o == null ? null : o.verdict();
        return new AssumptionView(a.id(), a.statement(), a.department(), ownerName, where, verdict == null ? null : verdict.messageKey(),
                verdict == null ? "verdict-open" : "verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                explanations.explain(t, o, locale), evidence, o, t);
    }
}
