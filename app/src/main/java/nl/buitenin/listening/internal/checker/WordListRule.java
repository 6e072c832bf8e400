package nl.buitenin.listening.internal.checker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words from a list with their replacement ({@code word=replacement}): absolutes and jargon. Single
 * words match on their Snowball stem (or exactly, for absolutes, where "alle" is not "alles");
 * phrases match as whole words. The rewrite puts the replacement in their place.
 */
class WordListRule implements Rule {

    private final FindingCode code;
    private final boolean onStem;
    private final Map<Language, Map<String, String>> singleWords = new EnumMap<>(Language.class);
    private final Map<Language, Map<Pattern, String>> phrases = new EnumMap<>(Language.class);

    WordListRule(FindingCode code, String resourceSuffix, boolean onStem) {
        this.code = code;
        this.onStem = onStem;
        for (Language language : Language.values()) {
            Map<String, String> words = new java.util.HashMap<>();
            Map<Pattern, String> multi = new java.util.LinkedHashMap<>();
            Resources.pairs(language.code() + "-" + resourceSuffix).forEach((word, replacement) -> {
                if (word.contains(" ") || word.contains("-")) {
                    multi.put(Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), replacement);
                } else {
                    words.put(onStem ? Tokens.stem(word, language) : word, replacement);
                }
            });
            singleWords.put(language, words);
            phrases.put(language, multi);
        }
    }

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        String text = question.text();
        Set<String> evidence = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>();
        for (Map.Entry<Pattern, String> phrase : phrases.get(question.language()).entrySet()) {
            Matcher matcher = phrase.getKey().matcher(text);
            while (matcher.find()) {
                if (spans.stream().noneMatch(s -> s.start() < matcher.end() && matcher.start() < s.end())) {
                    evidence.add(matcher.group());
                    spans.add(new Span(matcher.start(), matcher.end(), phrase.getValue()));
                }
            }
        }
        Map<String, String> words = singleWords.get(question.language());
        for (Token token : tokens) {
            String replacement = words.get(onStem ? token.stem() : token.word());
            boolean inPhrase = spans.stream().anyMatch(s -> s.start() <= token.start() && token.end() <= s.end());
            if (replacement != null && !inPhrase) {
                evidence.add(text.substring(token.start(), token.end()));
                spans.add(new Span(token.start(), token.end(), replacement));
            }
        }
        extra(question, tokens, evidence, spans);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Resources.finding(code, String.join(", ", evidence), Span.apply(text, spans)));
    }

    /** Lets a subclass add findings the lists cannot express. */
    void extra(Question question, List<Token> tokens, Set<String> evidence, List<Span> spans) {
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
