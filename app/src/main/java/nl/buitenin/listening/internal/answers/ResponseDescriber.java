package nl.buitenin.listening.internal.answers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.DescribedResponse;
import nl.buitenin.listening.ResponseDescriptions;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.listening.internal.AnswerOption;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyQuestion;

/**
 * Tells completed responses in the words of the survey version they answered: its title, its questions' texts and
 * its options' texts. Free text is never read here.
 */
@Repository
@Transactional(readOnly = true)
class ResponseDescriber implements ResponseDescriptions {

    /** Ids per statement: well under every database's limit on parameters. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcSurveys surveys;

    ResponseDescriber(JdbcClient jdbc, JdbcSurveys surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    private record Row(UUID response, SurveyId survey, @Nullable TouchpointId touchpoint, OffsetDateTime completedAt,
            @Nullable String question, @Nullable Integer score, @Nullable String choices) {
    }

    @Override
    public Map<UUID, DescribedResponse> describe(Collection<UUID> responses) {
        List<UUID> ids = responses.stream().distinct().toList();
        Map<UUID, List<Row>> rows = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.sql("select r.id, r.survey_id, r.touchpoint_id, r.completed_at, a.question_key, a.score, a.choices "
                            + "from listening_response r left join listening_answer a on a.response_id = r.id and a.text_value is null "
                            + "where r.status = 'COMPLETED' and r.id in (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        UUID tp = rs.getObject(3, UUID.class);
                        return new Row(rs.getObject(1, UUID.class), new SurveyId(rs.getObject(2, UUID.class)),
                                tp == null ? null : new TouchpointId(tp), rs.getObject(4, OffsetDateTime.class), rs.getString(5),
                                (Integer) rs.getObject(6), rs.getString(7));
                    })
                    .list().forEach(row -> rows.computeIfAbsent(row.response(), r -> new ArrayList<>()).add(row));
        }
        Map<SurveyId, Optional<Survey>> versions = new HashMap<>();
        Map<UUID, DescribedResponse> described = new LinkedHashMap<>();
        rows.forEach((id, answers) -> {
            Row first = answers.get(0);
            versions.computeIfAbsent(first.survey(), surveys::byId).ifPresent(survey -> described.put(id, describe(survey, answers)));
        });
        return described;
    }

    private static DescribedResponse describe(Survey survey, List<Row> rows) {
        Map<String, Row> byQuestion = new HashMap<>();
        rows.stream().filter(r -> r.question() != null).forEach(r -> byQuestion.put(r.question(), r));
        List<DescribedResponse.Answer> answers = new ArrayList<>();
        for (SurveyQuestion question : survey.definition().questions()) {
            Row row = byQuestion.get(question.key());
            if (row == null || (row.score() == null && row.choices() == null)) {
                continue;
            }
            List<String> values = row.choices() == null ? List.of() : Arrays.asList(row.choices().split("\n"));
            answers.add(new DescribedResponse.Answer(question.key(), question.type(), question.text().nl(), question.text().en(),
                    row.score(), options(question, values, "nl"), options(question, values, "en")));
        }
        Row first = rows.get(0);
        return new DescribedResponse(first.response(), survey.id(), survey.definition().title().nl(), survey.definition().title().en(),
                first.touchpoint(), first.completedAt().toInstant(), answers);
    }

    /** The chosen options' texts; a value the version does not know (never expected) stays as stored. */
    private static List<String> options(SurveyQuestion question, List<String> values, String language) {
        return values.stream().map(value -> question.options().stream().filter(o -> o.value().equals(value)).findFirst()
                .map(AnswerOption::text).map(t -> t.in(language)).orElse(value)).toList();
    }
}
