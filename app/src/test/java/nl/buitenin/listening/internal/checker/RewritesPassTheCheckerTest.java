package nl.buitenin.listening.internal.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every rewrite the checker suggests is a question the checker itself would accept: following the advice must not
 * lead to new advice. Runs over the labelled and held-out sets and a corpus of bad questions in Dutch and English
 * ({@code listening/question-bias-rewrites.tsv}), and over each rule's own patterns through those questions.
 */
class RewritesPassTheCheckerTest {

    private static final Pattern DOUBLED_WORD = Pattern.compile("(?<!\\p{L})(\\p{L}+)\\s+\\1(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A rewrite may still ask two things in one: the rewrite of the double-barrelled finding splits them with this mark. */
    private static final String SPLIT = " / ";

    final QuestionChecker checker = new QuestionChecker();

    record Bad(Language language, String text, List<String> options) {
    }

    @Test
    void followingTheAdviceStepByStepEndsInAQuestionWithoutAdvice() throws IOException {
        List<String> failures = new ArrayList<>();
        int rewrites = 0;
        for (Bad bad : corpus()) {
            Question question = new Question(bad.text(), bad.options(), bad.language());
            for (Finding finding : checker.check(question)) {
                rewrites++;
                failures.addAll(follow(question, finding, bad.text(), 0));
            }
        }
        System.out.println("Rewrites followed to the end: " + rewrites);
        assertThat(rewrites).as("rewrites suggested by the corpus").isGreaterThanOrEqualTo(100);
        assertThat(failures).as("rewrites that the checker itself would advise on").isEmpty();
    }

    @Test
    void aRewriteNeverDoublesAWordNorKeepsWhatItWasAbout() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Bad bad : corpus()) {
            Question question = new Question(bad.text(), bad.options(), bad.language());
            for (Finding finding : checker.check(question)) {
                for (String part : finding.rewrite().split(Pattern.quote(SPLIT))) {
                    Matcher doubled = DOUBLED_WORD.matcher(part);
                    if (doubled.find()) {
                        failures.add(bad.text() + " -> " + part + " (doubles \"" + doubled.group(1) + "\")");
                    }
                    List<FindingCode> again = checker.check(new Question(textAfter(part, finding), optionsAfter(question, finding), bad.language())).stream()
                            .map(Finding::code).toList();
                    if (again.contains(finding.code())) {
                        failures.add(bad.text() + " -> " + part + " (still " + finding.code() + ")");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theRewritesSeenInTheDemoAreNeutral() {
        assertThat(rewriteOf("Don't you agree that our excellent guides are friendly?", Language.EN))
                .isEqualTo("To what extent do you agree or disagree that our guides are friendly?");
        assertThat(rewriteOf("Our guides are friendly, don't you agree?", Language.EN))
                .isEqualTo("To what extent do you agree or disagree that our guides are friendly?");
        assertThat(rewriteOf("Bent u het eens dat onze uitstekende gidsen vriendelijk zijn?", Language.NL))
                .isEqualTo("In hoeverre bent u het eens of oneens met de stelling dat onze gidsen vriendelijk zijn?");
        assertThat(rewriteOf("Wouldn't you say that the the tour was well organised?", Language.EN))
                .isEqualTo("To what extent do you agree or disagree that the tour was well organised?");
    }

    /** The first finding's rewrite, followed until the checker has nothing more to say. */
    private String rewriteOf(String text, Language language) {
        Question question = Question.of(text, language);
        for (int step = 0; step < 8; step++) {
            List<Finding> findings = checker.check(question);
            if (findings.isEmpty()) {
                return question.text();
            }
            question = Question.of(findings.get(0).rewrite(), language);
        }
        throw new AssertionError("advice never ends for " + text);
    }

    /** Applies the rewrite and then the advice on it, depth first, until there is none; at most one step per rule. */
    private List<String> follow(Question question, Finding finding, String origin, int depth) {
        List<String> failures = new ArrayList<>();
        if (depth >= FindingCode.values().length) {
            failures.add(origin + ": advice goes on after " + depth + " rewrites, last " + finding.code() + " -> " + finding.rewrite());
            return failures;
        }
        List<FindingCode> before = checker.check(question).stream().map(Finding::code).toList();
        for (String part : finding.rewrite().split(Pattern.quote(SPLIT))) {
            Question rewritten = new Question(textAfter(part, finding), optionsAfter(question, finding), question.language());
            Matcher doubled = DOUBLED_WORD.matcher(part);
            if (doubled.find()) {
                failures.add(origin + ": " + finding.code() + " -> \"" + part + "\" doubles \"" + doubled.group(1) + "\"");
            }
            for (Finding next : checker.check(rewritten)) {
                if (!before.contains(next.code()) || next.code() == finding.code()) {
                    failures.add(origin + ": " + finding.code() + " -> \"" + part + "\" gets new advice " + next.code() + " (\""
                            + next.evidence() + "\")");
                } else {
                    failures.addAll(follow(rewritten, next, origin, depth + 1));
                }
            }
        }
        return failures;
    }

    /** The question of a rewrite, without the balanced options an unbalanced scale's rewrite names in brackets. */
    private static String textAfter(String rewrite, Finding finding) {
        return finding.code() == FindingCode.UNBALANCED_SCALE ? rewrite.substring(0, rewrite.lastIndexOf(" (")) : rewrite;
    }

    /** The rewrite of an unbalanced scale names balanced options in brackets: the rewritten question uses them. */
    private static List<String> optionsAfter(Question question, Finding finding) {
        if (finding.code() != FindingCode.UNBALANCED_SCALE) {
            return question.options();
        }
        String rewrite = finding.rewrite();
        int open = rewrite.lastIndexOf(" (");
        return Arrays.stream(rewrite.substring(open + 2, rewrite.length() - 1).split(";")).map(String::trim).toList();
    }

    static List<Bad> corpus() throws IOException {
        List<Bad> all = new ArrayList<>();
        for (QuestionCheckerEvaluationTest.Labelled labelled : QuestionCheckerEvaluationTest.labelledSet()) {
            all.add(new Bad(labelled.language(), labelled.question(), labelled.options()));
        }
        for (QuestionCheckerEvaluationTest.Labelled labelled : QuestionCheckerEvaluationTest.read("/listening/question-bias-holdout.tsv")) {
            all.add(new Bad(labelled.language(), labelled.question(), labelled.options()));
        }
        try (InputStream in = RewritesPassTheCheckerTest.class.getResourceAsStream("/listening/question-bias-rewrites.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("lang\t")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                List<String> options = columns[2].isBlank() ? List.of() : Arrays.stream(columns[2].split(";")).map(String::trim).toList();
                all.add(new Bad(Language.of(columns[0].toLowerCase(Locale.ROOT)), columns[1], options));
            }
        }
        return all;
    }
}
