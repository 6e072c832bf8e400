package nl.buitenin.listening.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyQuestion;

/** The walk evaluation the sample exports in {@code src/test/resources/imports} answer (all answers there are made up). */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    public static SurveyDefinition walkEvaluation(List<TouchpointId> touchpoints) {
        return new SurveyDefinition(new LocalizedText("Uw wandeling", "Your walk"), null, List.of(
                new SurveyQuestion("nps", QuestionType.NPS,
                        new LocalizedText("Hoe waarschijnlijk is het dat u ons aanbeveelt?", "How likely are you to recommend us?"), List.of(), true),
                new SurveyQuestion("tempo", QuestionType.SINGLE_CHOICE, new LocalizedText("Het tempo was", "The pace was"),
                        List.of(new AnswerOption("te-langzaam", new LocalizedText("te langzaam", "too slow")),
                                new AnswerOption("goed", new LocalizedText("goed", "right")),
                                new AnswerOption("te-snel", new LocalizedText("te snel", "too fast"))), false),
                new SurveyQuestion("gebruikt", QuestionType.MULTIPLE_CHOICE,
                        new LocalizedText("Wat heeft u onderweg gebruikt?", "What did you use along the way?"),
                        List.of(new AnswerOption("gids", new LocalizedText("Gids", "Guide")),
                                new AnswerOption("bagage", new LocalizedText("Bagagevervoer", "Luggage transfer")),
                                new AnswerOption("lunch", new LocalizedText("Lunchpakket, met soep", "Packed lunch, with soup"))), false),
                new SurveyQuestion("beter", QuestionType.OPEN_TEXT, new LocalizedText("Wat kunnen we beter doen?", "What could we do better?"),
                        List.of(), false)),
                new LocalizedText("Bedankt.", "Thank you."), touchpoints, List.of());
    }

    public static String text(String file) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reader reader(String file) {
        return new InputStreamReader(ImportFixtures.class.getResourceAsStream("/imports/" + file), StandardCharsets.UTF_8);
    }
}
