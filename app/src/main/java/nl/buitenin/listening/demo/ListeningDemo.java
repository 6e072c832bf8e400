package nl.buitenin.listening.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.CaseRule;
import nl.buitenin.listening.internal.LocalizedText;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyEditing;
import nl.buitenin.listening.internal.SurveyQuestion;

/**
 * Buitenpad's surveys: an evaluation after the trip (NPS and "what could we do better?"), CSAT after
 * a phone call, CES after booking online — published and attached to the demo touchpoints when the
 * journeys step left them — plus a draft with wording the checker objects to.
 */
@Component
class ListeningDemo implements DemoStep {

    private static final LocalizedText CLOSING = new LocalizedText(
            "Dank u wel. We lezen elk antwoord zelf. Wat we ermee doen, leest u binnen een maand op buitenpad.nl/u-zei-wij-deden.",
            "Thank you. We read every answer ourselves. Within a month you can read what we did with it at buitenpad.nl/you-said-we-did.");

    private final SurveyEditing editing;

    ListeningDemo(SurveyEditing editing) {
        this.editing = editing;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String name() {
        return "surveys";
    }

    @Override
    public void load(DemoContext context) {
        Object shared = context.get("journey.touchpoints");
        publish(new SurveyDefinition(new LocalizedText("Na uw wandelreis", "After your walking trip"),
                new LocalizedText("Twee vragen over de reis die u net maakte.", "Two questions about the trip you just made."),
                List.of(question("nps", QuestionType.NPS, "Hoe waarschijnlijk is het dat u Buitenpad aanbeveelt bij vrienden of familie?",
                                "How likely is it that you would recommend Buitenpad to a friend or relative?", true),
                        question("better", QuestionType.OPEN_TEXT, "Wat kunnen we beter doen?", "What could we do better?", false)),
                CLOSING, touchpoints(shared, "evaluatie", "evaluation"),
                List.of(new CaseRule(CaseRule.Trigger.DETRACTOR, "nps", null))));
        publish(new SurveyDefinition(new LocalizedText("Na uw telefoongesprek", "After your phone call"), LocalizedText.empty(),
                List.of(question("csat", QuestionType.CSAT, "Hoe tevreden bent u over het telefoongesprek met ons?",
                                "How satisfied are you with the phone call with us?", true),
                        question("differently", QuestionType.OPEN_TEXT, "Wat zou u willen dat wij anders doen?",
                                "What would you like us to do differently?", false)),
                CLOSING, touchpoints(shared, "per telefoon", "terugbel", "by phone", "call back"), List.of(new CaseRule(CaseRule.Trigger.LOW_CSAT, "csat", null))));
        publish(new SurveyDefinition(new LocalizedText("Na het online boeken", "After booking online"), LocalizedText.empty(),
                List.of(question("ces", QuestionType.CES, "Hoe makkelijk was het om uw reis online te boeken?",
                                "How easy was it to book your trip online?", true),
                        new SurveyQuestion("hardest", QuestionType.SINGLE_CHOICE,
                                new LocalizedText("Welk deel van het boeken kostte de meeste moeite?", "Which part of booking took the most effort?"),
                                List.of(new AnswerOption("finding", new LocalizedText("Een reis vinden", "Finding a trip")),
                                        new AnswerOption("dates", new LocalizedText("Data kiezen", "Choosing dates")),
                                        new AnswerOption("paying", new LocalizedText("Betalen", "Paying")),
                                        new AnswerOption("nothing", new LocalizedText("Geen enkel deel", "No part at all"))),
                                false)),
                CLOSING, touchpoints(shared, "boeken op de website", "booking on the website"), List.of()));
        editing.create(new SurveyDefinition(new LocalizedText("Concept: onze gidsen", "Draft: our guides"), LocalizedText.empty(),
                List.of(question("guides", QuestionType.CSAT, "Hoe tevreden bent u over de snelheid en vriendelijkheid van onze uitstekende gidsen?",
                        "Don't you agree that our guides are always friendly?", true)),
                CLOSING, List.of(), List.of()));
    }

    private void publish(SurveyDefinition definition) {
        editing.publish(editing.create(definition).survey().id());
    }

    private static SurveyQuestion question(String key, QuestionType type, String nl, String en, boolean required) {
        return new SurveyQuestion(key, type, new LocalizedText(nl, en), List.of(), required);
    }

    /**
     * The touchpoints the journeys step shared whose name contains one of the words; none when it
     * shared nothing (journeys are built separately) or shared them in another shape.
     */
    static List<TouchpointId> touchpoints(Object shared, String... words) {
        List<TouchpointId> found = new ArrayList<>();
        if (shared instanceof List<?> list) {
            // The journey demo shares its touchpoints as a list; match on their Dutch and English names.
            for (Object item : list) {
                if (item instanceof nl.buitenin.journey.Touchpoint touchpoint) {
                    String name = (touchpoint.nameNl() + " | " + touchpoint.nameEn()).toLowerCase(Locale.ROOT);
                    if (List.of(words).stream().anyMatch(name::contains)) {
                        found.add(touchpoint.id());
                    }
                }
            }
        }
        if (shared instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
                if (entry.getValue() instanceof TouchpointId id && List.of(words).stream().anyMatch(name::contains)) {
                    found.add(id);
                }
            }
        }
        return found;
    }
}
