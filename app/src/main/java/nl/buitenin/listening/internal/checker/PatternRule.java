package nl.buitenin.listening.internal.checker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wording recognised by its sentence pattern (agreement-seeking openings, tag questions,
 * presumptions); each pattern comes with the neutral form of the same question.
 */
final class PatternRule implements Rule {

    private record Rewriting(Pattern pattern, String replacement) {
    }

    private final FindingCode code;
    private final Map<Language, List<Rewriting>> rewritings = new EnumMap<>(Language.class);

    PatternRule(FindingCode code, String resourceSuffix) {
        this.code = code;
        for (Language language : Language.values()) {
            List<Rewriting> list = new ArrayList<>();
            for (String line : Resources.lines(language.code() + "-" + resourceSuffix)) {
                String[] parts = line.split("\t", 2);
                list.add(new Rewriting(Pattern.compile(parts[0], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), parts[1]));
            }
            rewritings.put(language, list);
        }
    }

    @Override
    public Optional<Finding> check(Question question, List<Token> tokens) {
        String text = question.text().trim();
        for (Rewriting rewriting : rewritings.get(question.language())) {
            Matcher matcher = rewriting.pattern().matcher(text);
            if (matcher.find()) {
                String evidence = evidence(text, matcher);
                return Optional.of(Resources.finding(code, evidence, matcher.replaceFirst(rewriting.replacement())));
            }
        }
        return Optional.empty();
    }

    /** The wording around the captured rest: what the pattern recognised, without the subject of the question. */
    private static String evidence(String text, Matcher matcher) {
        String matched = matcher.group();
        if (matcher.groupCount() >= 1 && matcher.group(1) != null) {
            matched = (text.substring(matcher.start(), matcher.start(1)) + " \u2026 " + text.substring(matcher.end(1), matcher.end()))
                    .replaceAll("\\s+", " ").trim();
        }
        return matched.replaceAll("^\u2026\\s*|\\s*\u2026\\s*\\??$", "").trim();
    }
}
