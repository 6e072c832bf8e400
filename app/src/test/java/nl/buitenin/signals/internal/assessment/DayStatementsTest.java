package nl.buitenin.signals.internal.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import nl.buitenin.listening.internal.checker.Finding;
import nl.buitenin.listening.internal.checker.Language;
import nl.buitenin.listening.internal.checker.Question;
import nl.buitenin.listening.internal.checker.QuestionChecker;

/**
 * The self-assessment's statements pass our own question checker in Dutch and English, as the survey editor's
 * questions must: not leading, not loaded, one thing per statement, no absolutes or jargon, with a balanced scale.
 */
class DayStatementsTest {

    @Test
    void everyStatementPassesTheQuestionCheckerInBothLanguages() throws Exception {
        QuestionChecker checker = new QuestionChecker();
        List<String> problems = new ArrayList<>();
        for (String language : List.of("nl", "en")) {
            Properties texts = texts(language);
            Language checked = language.equals("nl") ? Language.NL : Language.EN;
            List<String> scale = List.of(1, 2, 3, 4, 5).stream().map(v -> texts.getProperty("assessment.scale." + v)).toList();
            for (DayStatement statement : DayStatement.ALL) {
                String text = texts.getProperty(statement.messageKey());
                assertThat(text).as(statement.key() + " in " + language).isNotBlank();
                for (Finding finding : checker.check(new Question(text, scale, checked))) {
                    problems.add(language + " '" + text + "': " + finding);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckerWouldHaveFoundALeadingStatement() throws Exception {
        // So that the test above can fail: the same check on a statement written to steer.
        Properties texts = texts("nl");
        List<String> scale = List.of(1, 2, 3, 4, 5).stream().map(v -> texts.getProperty("assessment.scale." + v)).toList();
        assertThat(new QuestionChecker().check(new Question("Bent u het er niet mee eens dat we altijd fantastisch naar klanten luisteren?",
                scale, Language.NL))).isNotEmpty();
    }

    private static Properties texts(String language) throws Exception {
        Properties texts = new Properties();
        try (var in = DayStatementsTest.class.getResourceAsStream("/i18n/assessment_" + language + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
