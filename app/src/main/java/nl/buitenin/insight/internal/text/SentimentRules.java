package nl.buitenin.insight.internal.text;

import nl.buitenin.insight.text.Language;

/**
 * The weights of the sentiment rules. {@link #STANDARD} holds the values chosen on the development split only
 * (see {@code docs/insight.md}); the evaluation tries others on that split.
 *
 * @param negation       factor for an opinion word in a negator's scope (VADER uses -0.74)
 * @param scope          how many words after a negator it reaches (a clause boundary ends it sooner)
 * @param bareNegation   polarity of a negator with no opinion word in its scope ("geen bevestiging ontvangen")
 * @param intensify      factor for an opinion word after an intensifier ("heel goed")
 * @param downtone       factor for an opinion word after a downtoner ("een beetje koud")
 * @param before         factor for what came before a contrast word ("mooi, maar ...")
 * @param after          factor for what follows a contrast word
 * @param exclamation    extra weight per exclamation mark of a sentence, at most three counted
 * @param too            polarity of "te"/"too" before an adjective ("te lang")
 * @param counterfactual factor for a praise word in a sentence of wishes or irony ("was fijn geweest", "fijn hoor")
 * @param negativeWeight factor for every negative contribution: complaints are often told in few and mild words
 * @param compounds      whether an unknown Dutch compound takes the polarity of its adjective head (split by dictionary)
 * @param alpha          normalisation: score = sum / sqrt(sum² + alpha)
 * @param neutralNl      Dutch scores with an absolute value below this are neutral
 * @param neutralEn      English scores with an absolute value below this are neutral
 */
public record SentimentRules(double negation, int scope, double bareNegation, double intensify, double downtone,
        double before, double after, double exclamation, double too, double counterfactual, double negativeWeight, boolean compounds, double alpha, double neutralNl,
        double neutralEn) {

    public static final SentimentRules STANDARD = new SentimentRules(-0.74, 3, -0.3, 1.5, 0.5, 0.3, 2.0, 0.15, -0.5,
            -0.5, 1.5, true, 1.0, 0.05, 0.14);

    public double neutral(Language language) {
        return language == Language.NL ? neutralNl : neutralEn;
    }

    public SentimentRules withNeutral(double nl, double en) {
        return new SentimentRules(negation, scope, bareNegation, intensify, downtone, before, after, exclamation, too,
                counterfactual, negativeWeight, compounds, alpha, nl, en);
    }
}
