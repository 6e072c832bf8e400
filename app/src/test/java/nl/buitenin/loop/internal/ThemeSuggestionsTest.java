package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;

/**
 * Example phrases per theme, automatic tags with a confidence and their review (confirm, reject and remember), and
 * the rule that "you said, we did" reaches a person through an automatic tag only when it was confirmed or at least
 * as confident as the organisation's threshold.
 */
@DatabaseTest
class ThemeSuggestionsTest {

    @Autowired
    Themes themes;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    AnswerThemes answerThemes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBackLog toldBack;
    @Autowired
    LoopFigures figures;
    @Autowired
    LoopSettings settings;
    @Autowired
    Cases cases;
    @Autowired
    Persons persons;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerRecording recording;

    Survey survey;

    @BeforeEach
    void setUp() {
        survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
    }

    @AfterEach
    void defaultThreshold() {
        // The database is shared with the other tests of this context: leave the documented default behind.
        settings.changeTellBackMinConfidence(LoopSettings.DEFAULT_TELL_BACK_MIN_CONFIDENCE);
    }

    @Test
    void aThemeKeepsItsExamplePhrasesInOrderAndOtherModulesReadThem() {
        ThemeId theme = themes.add("Bagage " + UUID.randomUUID(), "Luggage", null,
                Arrays.asList("  koffer stond niet  in het hotel ", "", null, "Koffer kapot aangekomen", "KOFFER KAPOT AANGEKOMEN",
                        "luggage always on time")).id();

        ThemeDefinition read = taxonomy.byId(theme).orElseThrow();
        assertThat(read.examples()).as("trimmed, white space folded, blanks skipped, a repeat in any case kept once")
                .containsExactly("koffer stond niet in het hotel", "Koffer kapot aangekomen", "luggage always on time");
        assertThat(read.nameEn()).isEqualTo("Luggage");
        assertThat(taxonomy.all()).filteredOn(t -> t.id().equals(theme)).singleElement()
                .satisfies(t -> assertThat(t.examples()).hasSize(3));

        themes.changeExamples(theme, List.of("bagagelabels niet ontvangen"));
        assertThat(taxonomy.byId(theme).orElseThrow().examples()).containsExactly("bagagelabels niet ontvangen");
        themes.changeExamples(theme, List.of());
        assertThat(taxonomy.byId(theme).orElseThrow().examples()).isEmpty();
    }

    @Test
    void wrongExamplesAreRefusedNamingThePhrase() {
        ThemeId theme = themes.add("Route " + UUID.randomUUID(), "Route", null, List.of("afstanden klopten niet")).id();

        assertThatThrownBy(() -> themes.changeExamples(theme, List.of("kort", "x".repeat(201))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::key).containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "examples[1]", "loop.invalid.example")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("zin " + i);
        }
        assertThatThrownBy(() -> themes.changeExamples(theme, many))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("examples"));
        assertThat(taxonomy.byId(theme).orElseThrow().examples()).as("a refused change changes nothing")
                .containsExactly("afstanden klopten niet");
        assertThatThrownBy(() -> themes.add("", "Name", null, List.of("y".repeat(300))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .as("every wrong field at once").containsExactly("nameNl", "examples[0]"));
        assertThatThrownBy(() -> themes.changeExamples(new ThemeId(UUID.randomUUID()), List.of("a"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSuggestionIsConfirmedOrRejectedAndARejectedThemeIsNotPutBack() {
        ThemeId theme = themes.add("Wachttijd " + UUID.randomUUID(), "Waiting", null).id();
        TagSubject answer = TagSubject.answer(answered(null, "Drie kwartier in de wacht gestaan."));

        assertThat(tagging.suggest(answer, theme, "tekstanalyse", 0.62)).isTrue();
        assertThat(tagging.suggest(answer, theme, "tekstanalyse", 0.71)).as("suggested again: not new").isFalse();
        assertThat(tagging.tagsOf(answer)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Tagger.SUGGESTER);
            assertThat(t.state()).isEqualTo(ThemeTag.State.SUGGESTED);
            assertThat(t.confidence()).as("an unreviewed suggestion takes the new confidence").isEqualTo(0.71);
        });
        assertThat(answerThemes.answersWith(theme)).as("a suggestion counts in the figures").isEqualTo(1);

        assertThat(tagging.reject(answer, theme, "analist")).isTrue();
        assertThat(tagging.reject(answer, theme, "analist")).as("rejecting twice is a no-op").isFalse();
        assertThat(answerThemes.tagsOf(List.of(answer.id()))).as("the tag is gone").isEmpty();
        assertThat(tagging.tagsOf(answer)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(ThemeTag.State.REJECTED);
            assertThat(t.confidence()).isEqualTo(0.71);
            assertThat(t.decidedBy()).isEqualTo("analist");
            assertThat(t.taggedBy()).isEqualTo("tekstanalyse");
        });
        assertThat(tagging.suggest(answer, theme, "tekstanalyse", 0.99)).as("a rejected theme is not put back").isFalse();
        assertThat(answerThemes.tagsOf(List.of(answer.id()))).isEmpty();

        // An analyst who tags it after all has the last word: the rejection is forgotten.
        assertThat(tagging.tagAnswer(answer.id(), theme, "analist", Tagger.USER)).isTrue();
        assertThat(tagging.tagsOf(answer)).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(ThemeTag.State.CONFIRMED));

        TagSubject other = TagSubject.answer(answered(null, "Niemand nam op."));
        tagging.suggest(other, theme, "tekstanalyse", 0.4);
        assertThat(tagging.confirm(other, theme, "analist")).isTrue();
        assertThat(tagging.confirm(other, theme, "analist")).as("confirming twice is a no-op").isFalse();
        assertThat(tagging.tagsOf(other)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(ThemeTag.State.CONFIRMED);
            assertThat(t.kind()).as("still recognisable as automatic").isEqualTo(Tagger.SUGGESTER);
            assertThat(t.decidedBy()).isEqualTo("analist");
        });
        assertThat(tagging.suggest(other, theme, "tekstanalyse", 0.1)).isFalse();
        assertThat(tagging.tagsOf(other).get(0).confidence()).as("a confirmed tag keeps its confidence").isEqualTo(0.4);

        assertThatThrownBy(() -> tagging.confirm(TagSubject.answer(answered(null, "Leeg.")), theme, "analist"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tagging.reject(TagSubject.answer(UUID.randomUUID()), theme, "analist"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefusedByName() {
        ThemeId theme = themes.add("Gids " + UUID.randomUUID(), "Guide", null).id();
        TagSubject answer = TagSubject.answer(answered(null, "De gids kende de weg niet."));
        for (double wrong : new double[] {-0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> tagging.suggest(answer, theme, "tekstanalyse", wrong))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("confidence"));
        }
        assertThatThrownBy(() -> settings.changeTellBackMinConfidence(1.5))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("tellBackMinConfidence"));
        assertThatThrownBy(() -> tagging.suggest(TagSubject.of(new CaseId(UUID.randomUUID())), theme, "tekstanalyse", 0.5))
                .isInstanceOf(NotFoundException.class);
        assertThat(answerThemes.tagsOf(List.of(answer.id()))).isEmpty();
    }

    @Test
    void onACaseAPersonsTagOnASuggestedThemeConfirmsIt() {
        ThemeId theme = themes.add("Accommodatie " + UUID.randomUUID(), "Accommodation", null).id();
        CaseId caseId = cases.openFor(CaseSource.manual(), CaseType.COMPLAINT, null, null, "De kamer rook muf.");
        TagSubject subject = TagSubject.of(caseId);

        assertThat(tagging.suggest(subject, theme, "tekstanalyse", 0.55)).isTrue();
        assertThat(themes.tagsOf(caseId)).singleElement().satisfies(t -> {
            assertThat(t.suggested()).isTrue();
            assertThat(t.percent()).isEqualTo(55);
        });
        assertThat(tagging.tag(caseId, theme, "medewerker", Tagger.USER)).as("the person's tag confirms the suggestion").isTrue();
        assertThat(themes.tagsOf(caseId)).singleElement().satisfies(t -> {
            assertThat(t.suggested()).isFalse();
            assertThat(t.automatic()).isTrue();
            assertThat(t.confirmedBy()).isEqualTo("medewerker");
        });
        assertThat(tagging.tag(caseId, theme, "medewerker", Tagger.USER)).as("tagging twice is a no-op").isFalse();

        ThemeId wrong = themes.add("Route " + UUID.randomUUID(), "Route", null).id();
        tagging.suggest(subject, wrong, "tekstanalyse", 0.9);
        assertThat(tagging.reject(subject, wrong, "medewerker")).isTrue();
        assertThat(themes.tagsOf(caseId)).extracting(Themes.Tag::theme).containsExactly(theme);
        assertThat(tagging.tagsOf(subject)).extracting(ThemeTag::theme, ThemeTag::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(theme, ThemeTag.State.CONFIRMED),
                org.assertj.core.groups.Tuple.tuple(wrong, ThemeTag.State.REJECTED));

        // The read for learning pages through every tag and rejection, cases and answers alike.
        List<ThemeTag> all = new ArrayList<>();
        PageResult<ThemeTag> page;
        int n = 0;
        do {
            page = tagging.allTags(new PageRequest(n++, 2));
            all.addAll(page.items());
        } while (!page.items().isEmpty());
        assertThat(all).hasSize((int) page.total());
        assertThat(all).filteredOn(t -> t.subject().equals(subject)).hasSize(2);
    }

    @Test
    void youSaidWeDidReachesAnAutomaticTagOnlyWhenConfirmedOrConfidentEnough() {
        ThemeId theme = themes.add("Tempo " + UUID.randomUUID(), "Pace", null).id();
        TouchpointId touchpoint = new TouchpointId(UUID.randomUUID());
        PersonKey byHand = person();
        PersonKey sure = person();
        PersonKey unsure = person();
        PersonKey confirmed = person();
        PersonKey justBelow = person();
        PersonKey noConfidence = person();
        PersonKey inACase = person();
        tagging.tagAnswer(answered(byHand, touchpoint, "Het tempo lag te hoog."), theme, "analist", Tagger.USER);
        tagging.suggest(TagSubject.answer(answered(sure, touchpoint, "Ik liep steeds achteraan.")), theme, "tekstanalyse", 0.93);
        tagging.suggest(TagSubject.answer(answered(unsure, touchpoint, "Lange dagen.")), theme, "tekstanalyse", 0.41);
        UUID confirmedAnswer = answered(confirmed, touchpoint, "Te weinig pauzes.");
        tagging.suggest(TagSubject.answer(confirmedAnswer), theme, "tekstanalyse", 0.3);
        tagging.confirm(TagSubject.answer(confirmedAnswer), theme, "analist");
        tagging.suggest(TagSubject.answer(answered(justBelow, touchpoint, "Wat snel.")), theme, "tekstanalyse", 0.79);
        tagging.tagAnswer(answered(noConfidence, touchpoint, "Geen tijd voor foto's."), theme, "tekstanalyse", Tagger.SUGGESTER);
        CaseId caseId = cases.openFor(CaseSource.manual(), CaseType.COMPLAINT, inACase, touchpoint, "De groep liep te snel.");
        tagging.suggest(TagSubject.of(caseId), theme, "tekstanalyse", 0.6);

        ImprovementAction action = improving.plan("Twee groepen", "Two groups", "Een snelle en een rustige groep.",
                "A brisk and a leisurely group.", null, null, Set.of(theme));
        assertThat(settings.tellBackMinConfidence()).as("the documented default").isEqualTo(0.8);
        assertThat(toldBack.recipientsOf(action.id())).as("by hand, confirmed, or at least 0.8 sure")
                .containsExactlyInAnyOrder(byHand, sure, confirmed);

        settings.changeTellBackMinConfidence(0.6);
        assertThat(toldBack.recipientsOf(action.id())).as("at the threshold counts")
                .containsExactlyInAnyOrder(byHand, sure, confirmed, justBelow, inACase);
        settings.changeTellBackMinConfidence(0.0);
        assertThat(toldBack.recipientsOf(action.id())).as("a suggestion without a confidence waits for an analyst")
                .containsExactlyInAnyOrder(byHand, sure, confirmed, justBelow, inACase, unsure);

        // The figures agree: only who may be told counts as eligible for telling back.
        settings.changeTellBackMinConfidence(0.8);
        improving.complete(action.id());
        List<LoopFigures.CaseFacts> facts = figures.facts(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(60)).stream()
                .filter(f -> touchpoint.value().equals(f.touchpoint())).toList();
        assertThat(facts).as("every tagged answer and the case count").hasSize(7);
        assertThat(facts).filteredOn(LoopFigures.CaseFacts::eligibleForTellingBack).extracting(LoopFigures.CaseFacts::who)
                .containsExactlyInAnyOrder(byHand.value(), sure.value(), confirmed.value());
    }

    private PersonKey person() {
        return persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Klant", null, null));
    }

    private UUID answered(PersonKey person, String comment) {
        return answered(person, new TouchpointId(UUID.randomUUID()), comment);
    }

    private UUID answered(PersonKey person, TouchpointId touchpoint, String comment) {
        UUID id = responses.create(survey.id(), touchpoint, person, "test:" + UUID.randomUUID(), ResponseChannel.EMAIL, "nl",
                ResponseStatus.INVITED, Instant.now(), Instant.now().plus(14, ChronoUnit.DAYS)).orElseThrow();
        recording.complete(id, Map.of("nps", List.of("8"), "beter", List.of(comment)));
        return id;
    }
}
