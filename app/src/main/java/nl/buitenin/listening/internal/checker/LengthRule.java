package nl.buitenin.listening.internal.checker;

import java.util.List;
import java.util.Optional;

/**
 * More than {@value #MAX_WORDS} words. Plain-language guidance (B1 level, the Dutch "taalniveau B1")
 * keeps sentences to 15–20 words; a survey read on a phone should not ask more. The rewrite keeps the
 * question's first clause, to be split into separate questions.
 */
final class LengthRule implements Rule {

    static final int MAX_WORDS = 20;

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        if (tokens.size() <= MAX_WORDS) {
            return Optional.empty();
        }
        String text = question.text().trim();
        String[] clauses = text.split("[,;:]|\\s(?:en|and|omdat|because|terwijl|while|zodat|so that)\\s", 2);
        String first = clauses[0].replaceAll("[?.!]+$", "").trim();
        // Lucene may count more words than there are spaces ("tempo/gids/lunch/…"); found by SurveyFileFuzzTest.
        List<String> words = List.of(text.split("\\s+"));
        String rewrite = first.split("\\s+").length <= MAX_WORDS && clauses.length > 1 ? first + "?"
                : String.join(" ", words.subList(0, Math.min(MAX_WORDS, words.size()))).replaceAll("[,;:?.!]+$", "") + "?";
        return Optional.of(Resources.finding(FindingCode.TOO_LONG, String.valueOf(tokens.size()), rewrite, MAX_WORDS));
    }
}
