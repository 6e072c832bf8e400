package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.FreeTextScrubber;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * What a person answered is theirs: it is part of their export (with the questions as they saw them), and when
 * they are forgotten their free text is scrubbed of what identified them and the response loses their key. A
 * comment of somebody else that names them loses their name, e-mail address and phone number. Scores stay,
 * anonymous, in the histograms and the responses.
 */
@Component
class ResponsesPersonalData implements PersonalDataSource, PersonalDataErasure {

    private final JdbcResponses responses;
    private final JdbcSurveys surveys;
    private final Touchpoints touchpoints;
    private final JdbcClient jdbc;
    private final FreeTextScrubber scrubber = new FreeTextScrubber();

    ResponsesPersonalData(JdbcResponses responses, JdbcSurveys surveys, Touchpoints touchpoints, JdbcClient jdbc) {
        this.responses = responses;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.jdbc = jdbc;
    }

    /** One response in a person's export: the survey, where, how, and each answer with its question. */
    record ExportedResponse(UUID id, ExportName survey, ExportName touchpoint, ExportTerm channel, ExportTerm status,
            Instant invitedAt, Instant completedAt, List<ExportedAnswer> answers) {
    }

    /** An answer with the question in the language the person answered in; chosen options by their text. */
    record ExportedAnswer(@ExportOnly String questionKey, String question, Integer score, List<String> choices, String text) {
    }

    @Override
    public String section() {
        return "answers";
    }

    @Override
    public PurposeId purpose() {
        return PurposeId.FEEDBACK;
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("listening_response", "person_key"),
                PersonalDataTable.text("listening_answer", "text_value"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("listening_response", "person_key"),
                PersonalDataTable.text("listening_answer", "text_value"),
                PersonalDataTable.text("listening_answer_import", "content", "result"));
    }

    @Override
    public List<?> export(PersonKey person) {
        Map<SurveyId, Optional<Survey>> surveyCache = new HashMap<>();
        Map<TouchpointId, Optional<Touchpoint>> touchpointCache = new HashMap<>();
        return responses.responsesOf(person).stream()
                .map(id -> responses.byId(id).orElseThrow())
                .filter(r -> !r.answers().isEmpty() || r.completedAt() != null)
                .map(r -> {
                    Optional<Survey> survey = surveyCache.computeIfAbsent(r.survey(), surveys::byId);
                    return new ExportedResponse(r.id(), survey.map(s -> ExportName.of(s.definition().title().nl(),
                                    s.definition().title().en())).orElse(null),
                            touchpointName(r.touchpoint(), touchpointCache), channel(r.channel()), status(r.status()),
                            r.invitedAt(), r.completedAt(),
                            r.answers().stream().map(a -> answer(a, survey, r.language())).toList());
                })
                .toList();
    }

    private ExportName touchpointName(TouchpointId id, Map<TouchpointId, Optional<Touchpoint>> cache) {
        return id == null ? null : cache.computeIfAbsent(id, touchpoints::byId).map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null);
    }

    static ExportTerm channel(ResponseChannel channel) {
        return new ExportTerm(channel.name(), "export.answers.channel." + channel.name().toLowerCase(Locale.ROOT));
    }

    static ExportTerm status(ResponseStatus status) {
        return new ExportTerm(status.name(), "export.answers.status." + status.name().toLowerCase(Locale.ROOT));
    }

    private static ExportedAnswer answer(GivenAnswer given, Optional<Survey> survey, String language) {
        Optional<SurveyQuestion> question = survey.flatMap(s -> s.definition().question(given.questionKey()));
        List<String> choices = given.choices().stream()
                .map(value -> question.flatMap(q -> q.options().stream().filter(o -> o.value().equals(value)).findFirst())
                        .map(AnswerOption::text).map(t -> t.in(language)).orElse(value))
                .toList();
        return new ExportedAnswer(given.questionKey(), question.map(q -> q.text().in(language)).orElse(given.questionKey()),
                given.score(), choices, given.text());
    }

    /** Invitations that were answered keep their answers in "answers"; every invitation is listed here. */
    @Component
    static class InvitationsPersonalData implements PersonalDataSource {

        private final JdbcResponses responses;
        private final JdbcSurveys surveys;
        private final Touchpoints touchpoints;

        InvitationsPersonalData(JdbcResponses responses, JdbcSurveys surveys, Touchpoints touchpoints) {
            this.responses = responses;
            this.surveys = surveys;
            this.touchpoints = touchpoints;
        }

        record Invitation(@ExportOnly UUID response, ExportName survey, ExportName touchpoint, ExportTerm channel, Instant invitedAt,
                Instant expiresAt, ExportTerm status, ExportTerm reminder) {
        }

        @Override
        public String section() {
            return "invitations";
        }

        @Override
        public PurposeId purpose() {
            return PurposeId.FEEDBACK;
        }

        @Override
        public List<PersonalDataTable> tables() {
            return List.of(PersonalDataTable.keyed("listening_response", "person_key"));
        }

        @Override
        public List<?> export(PersonKey person) {
            Map<SurveyId, Optional<Survey>> surveyCache = new HashMap<>();
            return responses.responsesOf(person).stream()
                    .map(id -> responses.byId(id).orElseThrow())
                    .filter(r -> r.invitedAt() != null)
                    .map(r -> {
                        String reminder = responses.reminderStatus(r.id());
                        return new Invitation(r.id(), surveyCache.computeIfAbsent(r.survey(), surveys::byId)
                                .map(s -> ExportName.of(s.definition().title().nl(), s.definition().title().en())).orElse(null),
                                r.touchpoint() == null ? null : touchpoints.byId(r.touchpoint())
                                        .map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null),
                                channel(r.channel()), r.invitedAt(), r.expiresAt(), status(r.status()),
                                reminder == null ? null : new ExportTerm(reminder,
                                        "export.invitations.reminder." + reminder.toLowerCase(Locale.ROOT)));
                    })
                    .toList();
        }
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        responses.forget(erased.person(), text -> scrubber.scrub(text, erased.identifiers()));
        ErasedText text = new ErasedText(jdbc, erased);
        // Somebody else's comment may name them, and an import's refused lines may quote them.
        text.scrubMentions("listening_answer", List.of("response_id", "question_key"), "text_value");
        text.scrubMentions("listening_answer_import", List.of("id"), "result");
        text.scrubMentions("listening_answer_import", List.of("id"), "content");
    }
}
