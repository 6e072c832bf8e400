package nl.buitenin.groups;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GivenAnswer;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.Unique;

/** Users, groups through the API, and scored responses at chosen moments (through listening's one completion path). */
final class GroupsFixture {

    final MockMvc mvc;
    final StoredUser admin;
    final StoredUser analyst;
    /** An analyst who reads the pages in Dutch (the others read English). */
    final StoredUser analystNl;
    final StoredUser agent;
    private final JdbcUsers users;
    private final Persons persons;
    private final Completions completions;
    private final Survey survey;
    private final TouchpointId touchpoint;

    private GroupsFixture(ApplicationContext context, MockMvc mvc) {
        this.mvc = mvc;
        this.users = context.getBean(JdbcUsers.class);
        this.persons = context.getBean(Persons.class);
        this.completions = context.getBean(Completions.class);
        this.admin = staff(Role.ADMIN);
        this.analyst = staff(Role.ANALYST);
        this.analystNl = staff(Role.ANALYST, "nl");
        this.agent = staff(Role.AGENT);
        JdbcJourneys journeys = context.getBean(JdbcJourneys.class);
        this.touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Wandelreis"), Unique.name("Walking trip"))),
                        new Names("Onderweg", "On the way")),
                new Names(Unique.name("Wandeling"), Unique.name("Walk")), Channel.LOCATION, null);
        this.survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        context.getBean(JdbcSurveys.class).add(survey);
    }

    static GroupsFixture in(ApplicationContext context, MockMvc mvc) {
        return new GroupsFixture(context, mvc);
    }

    private StoredUser staff(Role role) {
        return staff(role, "en");
    }

    private StoredUser staff(Role role, String language) {
        String name = "gr-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language, false));
        return users.storedByUsername(name).orElseThrow();
    }

    /** The touchpoint every answer of this fixture is about. */
    TouchpointId touchpoint() {
        return touchpoint;
    }

    /** The published survey every answer of this fixture belongs to. */
    nl.buitenin.listening.SurveyId survey() {
        return survey.id();
    }

    PersonKey person() {
        return persons.keyFor("klant-" + UUID.randomUUID());
    }

    /** That many new persons. */
    List<PersonKey> people(int n) {
        List<PersonKey> people = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(person());
        }
        return people;
    }

    /** Creates a group through the API as the administrator and returns its id. */
    GroupId group(String kind, String split, String rule) throws Exception {
        String body = "{\"nameNl\":\"" + Unique.name("Groep") + "\",\"nameEn\":\"" + Unique.name("Group") + "\",\"kind\":\"" + kind + "\""
                + (split == null ? "" : ",\"split\":\"" + split + "\"") + (rule == null ? "" : ",\"rule\":\"" + rule + "\"") + "}";
        String created = mvc.perform(post("/api/v1/groups").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new GroupId(UUID.fromString(JsonPath.read(created, "$.id")));
    }

    /** Sends a batch of memberships (each: sourceId, person, group, from, to or null) and returns the report. */
    String memberships(List<String[]> items) throws Exception {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            String[] item = items.get(i);
            body.append(i == 0 ? "" : ",").append("{\"sourceId\":").append(quoted(item[0])).append(",\"person\":").append(quoted(item[1]))
                    .append(",\"group\":").append(quoted(item[2])).append(",\"from\":").append(quoted(item[3])).append(",\"to\":")
                    .append(quoted(item.length > 4 ? item[4] : null)).append('}');
        }
        body.append("]}");
        return mvc.perform(post("/api/v1/groups/memberships").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Membership items (for {@link #memberships}) joining each person to the group from the moment, tagged to be unique. */
    static List<String[]> joining(String tag, List<PersonKey> people, GroupId group, String from) {
        return people.stream().map(p -> new String[] {tag + p.value(), p.value(), group.toString(), from}).toList();
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** A completed response with this NPS score at that moment, stored as any answer is. */
    void answered(PersonKey person, int nps, Instant at) {
        completions.replay(List.of(Completions.Completion.received(survey, touchpoint, person, "test:" + UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", List.of(GivenAnswer.score("nps", nps)), at)));
    }

    /** The same, returning the stored response's id (to tag its answer with a theme). */
    UUID answeredResponse(PersonKey person, int nps, Instant at) {
        return completions.replay(List.of(Completions.Completion.received(survey, touchpoint, person, "test:" + UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", List.of(GivenAnswer.score("nps", nps)), at))).get(0).orElseThrow().response();
    }
}
