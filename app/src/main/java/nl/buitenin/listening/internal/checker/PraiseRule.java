package nl.buitenin.listening.internal.checker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A question that praises (or runs down) what it asks about, such as "onze uitstekende service":
 * the judgement is given before the person answers. The rewrite leaves the judging word out, with
 * an intensifier right before it ("zeer", "very").
 */
final class PraiseRule implements Rule {

    private static final Set<String> INTENSIFIERS = Set.of("zeer", "erg", "heel", "echt", "super", "very", "really", "truly", "most", "so", "zo");

    private final Map<Language, Set<String>> stems = new EnumMap<>(Language.class);

    PraiseRule() {
        for (Language language : Language.values()) {
            Set<String> set = new HashSet<>();
            Resources.lines(language.code() + "-praise.txt").forEach(word -> set.add(Tokens.stem(word.trim().toLowerCase(java.util.Locale.ROOT), language)));
            stems.put(language, set);
        }
    }

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        Set<String> judging = stems.get(question.language());
        Set<String> evidence = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (judging.contains(token.stem())) {
                int start = token.start();
                if (i > 0 && INTENSIFIERS.contains(tokens.get(i - 1).word())) {
                    start = tokens.get(i - 1).start();
                }
                evidence.add(question.text().substring(start, token.end()));
                spans.add(new Span(start, token.end(), ""));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Resources.finding(FindingCode.LEADING, String.join(", ", evidence), Span.apply(question.text(), spans)));
    }
}
