package nl.buitenin.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.buitenin.listening.internal.checker.Language;
import nl.buitenin.listening.internal.checker.Question;
import nl.buitenin.listening.internal.checker.QuestionChecker;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.FuzzInput;

/**
 * A survey file ({@code buitenin-survey/1} JSON, or plain text with a question per line) is read as the import,
 * the REST API and {@code check-survey} read it: any file ends in a survey definition (which is reviewed and
 * written back to the same definition) or in a refusal that names the field or line.
 */
class SurveyFileFuzzTest {

    private static final QuestionChecker CHECKER = new QuestionChecker();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"{\"format\":\"buitenin-survey/1\",", "\"title\":{\"nl\":\"a\",\"en\":\"b\"}", "\"questions\":[",
            "{\"key\":\"nps\",\"type\":\"NPS\",\"text\":{\"nl\":\"Hoe?\",\"en\":\"How?\"}}", "\"options\":[", "\"value\":",
            "\"required\":false", "\"closing\":", "\"touchpoints\":[", "\"caseRules\":[", "{\"when\":\"DETRACTOR\"}", "\"when\":",
            "\"question\":", "\"answer\":", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "OPEN_TEXT", "null", "[null]", "|", ";", "\\n", "#"})
    void everySurveyFileEndsInADefinitionOrAClearRefusal(byte[] input) {
        String content = FuzzInput.text(input);
        try {
            if (SurveyFormat.looksLikeJson(content)) {
                SurveyDefinition definition = SurveyFormat.readJson(content).toDefinition();
                new SurveyReview().review(definition);
                SurveyDefinition again = SurveyFormat.readJson(SurveyFormat.writeJson(SurveyFile.of(definition))).toDefinition();
                assertThat(again).isEqualTo(definition);
            } else {
                for (SurveyFormat.TextLine line : SurveyFormat.readText(content)) {
                    assertThat(line.question()).isNotBlank();
                    Language language = QuestionChecker.detectLanguage(line.question());
                    CHECKER.check(new Question(line.question(), line.options(), language));
                }
            }
        } catch (InvalidInputException refusal) {
            FuzzInput.assertClear(refusal);
        }
    }
}
