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
                return Optional.of(Resources.finding(code, evidence, matcher.replaceFirst(replacement(rewriting.replacement(), matcher))));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code $l1} in a rewrite is the first group with its first letter in lower case, for a statement that moves
     * from the start of the question into the middle of the rewrite ("Our guides are friendly, don't you agree?").
     */
    private static String replacement(String replacement, Matcher matcher) {
        if (!replacement.contains("$l1") || matcher.groupCount() < 1 || matcher.group(1) == null) {
            return replacement;
        }
        String group = matcher.group(1);
        boolean acronym = group.length() > 1 && Character.isUpperCase(group.charAt(1));
        String lowered = acronym ? group : group.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + group.substring(1);
        return replacement.replace("$l1", Matcher.quoteReplacement(lowered));
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
