package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.TouchpointReference;
import nl.buitenin.journey.TouchpointReferences;

/**
 * What the listening module keeps against touchpoints: surveys (any version) that target them, invitations and
 * responses, their answers, and widget sites. A touchpoint with any of these cannot be deleted.
 */
// The order in which a refusal lists references: what the user set up first, then what was recorded.
@Order(10)
@Component
class SurveyTouchpointReferences implements TouchpointReferences {

    /** Surveys named in a refusal; the count says how many more there are. */
    static final int NAMED = 3;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    SurveyTouchpointReferences(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = touchpoints.stream().map(TouchpointId::value).toList();
        List<TouchpointReference> found = new ArrayList<>();
        String title = "nl".equals(locale.getLanguage()) ? "title_nl" : "title_en";
        // One entry per survey (lineage), under the title of its latest version.
        List<String> surveys = jdbc.sql("select s." + title + " from listening_survey s where s.version = "
                        + "(select max(v.version) from listening_survey v where v.lineage = s.lineage) and s.lineage in "
                        + "(select a.lineage from listening_survey a join listening_survey_touchpoint t on t.survey_id = a.id "
                        + "where t.touchpoint_id in (:ids)) order by s." + title)
                .param("ids", ids).query(String.class).list();
        if (!surveys.isEmpty()) {
            String named = String.join(", ", surveys.subList(0, Math.min(NAMED, surveys.size())))
                    + (surveys.size() > NAMED ? ", …" : "");
            found.add(reference("listening.surveys", surveys.size(), "listening.references.surveys", named, locale));
        }
        long responses = jdbc.sql("select count(*) from listening_response where touchpoint_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
        if (responses > 0) {
            found.add(reference("listening.responses", responses, "listening.references.responses", null, locale));
        }
        long answers = jdbc.sql("select count(*) from listening_answer a join listening_response r on r.id = a.response_id "
                + "where r.touchpoint_id in (:ids)").param("ids", ids).query(Long.class).single();
        if (answers > 0) {
            found.add(reference("listening.answers", answers, "listening.references.answers", null, locale));
        }
        List<String> sites = jdbc.sql("select name from listening_widget_site where touchpoint_id in (:ids) order by name")
                .param("ids", ids).query(String.class).list();
        if (!sites.isEmpty()) {
            found.add(reference("listening.widgetSites", sites.size(), "listening.references.widgetSites",
                    String.join(", ", sites.subList(0, Math.min(NAMED, sites.size()))) + (sites.size() > NAMED ? ", …" : ""), locale));
        }
        return found;
    }

    private TouchpointReference reference(String kind, long count, String key, String names, Locale locale) {
        return new TouchpointReference(kind, count, messages.getMessage(key, new Object[] {count, names}, locale));
    }
}
