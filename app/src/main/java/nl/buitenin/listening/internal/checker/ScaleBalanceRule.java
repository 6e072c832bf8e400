package nl.buitenin.listening.internal.checker;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts positive and negative answer options ("Uitstekend; Zeer goed; Goed; Matig" is three to one).
 * An option is negative when it holds a negative word or a positive one after "niet"/"not"; an option
 * with both sides ("neither satisfied nor dissatisfied") is the neutral middle.
 */
final class ScaleBalanceRule implements Rule {

    private static final Set<String> NEGATIONS = Set.of("niet", "geen", "not", "no", "nor", "neither");

    private final Map<Language, Map<String, Integer>> polarity = new EnumMap<>(Language.class);

    ScaleBalanceRule() {
        for (Language language : Language.values()) {
            polarity.put(language, new HashMap<>());
        }
        for (String line : Resources.lines("scale-words.txt")) {
            String[] parts = line.split(":", 3);
            Language language = Language.of(parts[0]);
            polarity.get(language).put(Tokens.stem(parts[2].trim(), language), parts[1].equals("+") ? 1 : -1);
        }
    }

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        int positive = 0;
        int negative = 0;
        for (String option : question.options()) {
            int side = side(option, question.language());
            positive += side > 0 ? 1 : 0;
            negative += side < 0 ? 1 : 0;
        }
        if (positive + negative < 2 || positive == negative) {
            return Optional.empty();
        }
        String counts = question.language() == Language.NL
                ? positive + " positief, " + negative + " negatief"
                : positive + " positive, " + negative + " negative";
        return Optional.of(Resources.finding(FindingCode.UNBALANCED_SCALE, counts,
                question.text() + " (" + Resources.text("balanced." + question.language().code() + "." + dimension(question)) + ")"));
    }

    /** +1 positive, -1 negative, 0 neutral or mixed. */
    private int side(String option, Language language) {
        boolean hasPositive = false;
        boolean hasNegative = false;
        boolean negated = false;
        for (Token token : Tokens.of(option, language)) {
            if (NEGATIONS.contains(token.word())) {
                negated = true;
                continue;
            }
            Integer value = polarity.get(language).get(token.stem());
            if (value != null) {
                boolean positive = (value > 0) != negated;
                hasPositive |= positive;
                hasNegative |= !positive;
                negated = false;
            }
        }
        return hasPositive == hasNegative ? 0 : hasPositive ? 1 : -1;
    }

    private static String dimension(Question question) {
        String all = String.join(" ", question.options()).toLowerCase(java.util.Locale.ROOT) + " " + question.text().toLowerCase(java.util.Locale.ROOT);
        if (all.contains("eens") || all.contains("agree")) {
            return "agree";
        }
        if (all.matches("(?s).*\\b(goed|uitstekend|slecht|good|excellent|poor)\\b.*")) {
            return "quality";
        }
        if (all.contains("makkelijk") || all.contains("moeilijk") || all.contains("easy") || all.contains("difficult")) {
            return "ease";
        }
        return "satisfaction";
    }
}
