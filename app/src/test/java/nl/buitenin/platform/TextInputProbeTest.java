package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Every text field of the JSON API that writes somewhere, tried as a tester would: 100 000 characters, and a NUL. Each
 * answer is a 400 naming the field (or, for a text column without a limit, the text is taken): never a 500. Runs on H2
 * and PostgreSQL, where the NUL used to fail.
 */
@DatabaseTest
@AutoConfigureMockMvc
class TextInputProbeTest {

    private static final String LONG = "x".repeat(100_000);
    private static final String WITH_NUL = "ab\u0000cd";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    CaseWork work;
    @Autowired
    Organisations organisations;
    @Autowired
    Teams teams;
    @Autowired
    nl.buitenin.listening.internal.JdbcSurveys surveys;

    private final AtomicInteger counter = new AtomicInteger();

    /** One endpoint with a valid body; each call of {@code body} gives fresh ids, so no call is a retry of another. */
    record Probe(HttpMethod method, String path, boolean apiKey, Set<Scope> scopes, Supplier<Map<String, Object>> body) {
    }

    private String unique(String base) {
        return base + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void everyTextFieldIsRefusedByNameWhenTooLongOrUnstorableNeverAServerError() throws Exception {
        if (users.byUsername("probe-admin").isEmpty()) {
            users.create(new NewUser("probe-admin", "Pim Probe", "a long enough password",
                    Set.of(Role.ADMIN, Role.ANALYST, Role.PLANNER, Role.PRIVACY_OFFICER), null, "en", false));
        }
        StoredUser admin = users.storedByUsername("probe-admin").orElseThrow();
        teams.save(new Teams.Team("Klantenservice", null));
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Proefreis"), Unique.name("Probe trip")));
        StageId stage = journeys.addStage(journey, new Names("Fase", "Stage"));
        TouchpointId touchpoint = journeys.addTouchpoint(stage, new Names("Balie", "Desk"), Channel.LOCATION, "Utrecht");
        UUID caseId = work.open(new CaseWork.Opening(CaseSource.complaint(unique("probe")), CaseType.COMPLAINT, null, null,
                Channel.PHONE, null, null, "Proefklacht"), "test", Instant.now()).file().id().value();
        String interval = LocalDate.now(organisations.current().timeZone()).minusDays(2).atTime(10, 0)
                .atZone(organisations.current().timeZone()).toInstant().toString();
        var current = organisations.current();
        nl.buitenin.listening.internal.Survey survey = nl.buitenin.listening.internal.Survey.draft(
                nl.buitenin.listening.internal.answers.SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String customer = unique("klant");
        MockHttpServletResponse registered = perform(new Probe(HttpMethod.POST, "/api/v1/persons", false, Set.of(), null),
                map("customerId", customer, "name", "Karel Klant", "email", "karel@example.nl", "channel", "EMAIL", "language", "nl"),
                admin);
        assertThat(registered.getStatus()).as(registered.getContentAsString()).isLessThan(300);
        String site = JsonPath.read(perform(new Probe(HttpMethod.POST, "/api/v1/widget-sites", false, Set.of(), null),
                map("name", unique("site"), "survey", survey.lineage().toString(), "touchpoint", touchpoint.toString(),
                        "origins", List.of("https://www.example.nl")), admin).getContentAsString(), "$.id");

        List<Probe> probes = List.of(
                new Probe(HttpMethod.POST, "/api/v1/journeys", false, Set.of(), () -> map("nameNl", unique("Reis"), "nameEn", unique("Trip"))),
                new Probe(HttpMethod.POST, "/api/v1/journeys/" + journey + "/stages", false, Set.of(),
                        () -> map("nameNl", unique("Fase"), "nameEn", unique("Stage"))),
                new Probe(HttpMethod.POST, "/api/v1/stages/" + stage + "/touchpoints", false, Set.of(),
                        () -> map("nameNl", unique("Punt"), "nameEn", unique("Point"), "channel", "PHONE", "location", "Utrecht")),
                new Probe(HttpMethod.PUT, "/api/v1/touchpoints/" + touchpoint, false, Set.of(),
                        () -> map("nameNl", "Balie", "nameEn", "Desk", "channel", "LOCATION", "location", "Utrecht", "stage", stage.toString())),
                new Probe(HttpMethod.POST, "/api/v1/complaints", true, Set.of(Scope.INGEST),
                        () -> map("externalId", unique("ext"), "channel", "EMAIL", "text", "Klacht", "touchpointId", touchpoint.toString(),
                                "team", "Klantenservice", "personKey", "p_" + "a".repeat(26))),
                new Probe(HttpMethod.PATCH, "/api/v1/cases/" + caseId, true, Set.of(Scope.CASES),
                        () -> map("updateId", unique("upd"), "note", "Notitie", "outcome", "Uitkomst")),
                new Probe(HttpMethod.POST, "/api/v1/users", false, Set.of(),
                        () -> map("username", unique("user").toLowerCase(), "displayName", "Una User", "password", "a long enough password",
                                "roles", List.of("AGENT"), "team", "Klantenservice")),
                new Probe(HttpMethod.PUT, "/api/v1/organisation", false, Set.of(),
                        () -> map("name", current.name(), "personWord", current.personWord().name(), "defaultLanguage",
                                current.defaultLanguage(), "timeZone", current.timeZone().getId(), "register", current.register().name())),
                new Probe(HttpMethod.POST, "/api/v1/purposes", false, Set.of(),
                        () -> map("id", unique("doel").toLowerCase(), "nameNl", "Doel", "nameEn", "Purpose", "descriptionNl", "Omschrijving",
                                "descriptionEn", "Description", "legalBasis", "CONSENT", "personalData", true, "dataCategories", "naam",
                                "retentionMonths", 12, "recipients", "niemand")),
                new Probe(HttpMethod.POST, "/api/v1/persons", false, Set.of(),
                        () -> map("customerId", unique("klant"), "name", "Karel Klant", "email", "karel@example.nl", "phone", "0612345678",
                                "channel", "EMAIL", "language", "nl")),
                new Probe(HttpMethod.POST, "/api/v1/demand/volumes", true, Set.of(Scope.INGEST),
                        () -> map("volumes", List.of(map("channel", "PHONE", "location", "Utrecht", "intervalStart", interval,
                                "offered", 3, "sourceId", unique("vol"))))),
                new Probe(HttpMethod.POST, "/api/v1/consents", false, Set.of(),
                        () -> map("customerId", customer, "purpose", "feedback", "given", true, "channel", "web")),
                new Probe(HttpMethod.POST, "/api/v1/widget-sites", false, Set.of(),
                        () -> map("name", unique("site"), "survey", survey.lineage().toString(), "touchpoint", touchpoint.toString(),
                                "origins", List.of("https://www.example.nl"))),
                new Probe(HttpMethod.POST, "/api/v1/widget-sites/" + site + "/keys", false, Set.of(), () -> map("name", unique("key"))),
                new Probe(HttpMethod.PUT, "/api/v1/contact/policy", false, Set.of(),
                        () -> map("quietFrom", "21:00", "quietUntil", "08:00", "invitationChannel", "EMAIL")));

        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            MockHttpServletResponse valid = perform(probe, probe.body().get(), admin);
            if (valid.getStatus() >= 300) {
                failures.add(probe.method() + " " + probe.path() + " refused its valid body: " + valid.getContentAsString());
                continue;
            }
            for (String field : textFields(probe.body().get())) {
                for (String bad : List.of(LONG, WITH_NUL)) {
                    Map<String, Object> body = probe.body().get();
                    replace(body, field, bad);
                    MockHttpServletResponse answer = perform(probe, body, admin);
                    String what = probe.method() + " " + probe.path() + " " + field + (bad == LONG ? " (100 000 characters)" : " (NUL)");
                    if (answer.getStatus() >= 500) {
                        failures.add(what + " answered " + answer.getStatus());
                    } else if (answer.getStatus() == 400 && !answer.getContentAsString().contains("\"errors\"")) {
                        failures.add(what + " was refused without a field: " + answer.getContentAsString());
                    } else if (answer.getStatus() == 400) {
                        List<String> named = JsonPath.read(answer.getContentAsString(), "$.errors[*].field");
                        String leaf = field.substring(field.lastIndexOf('.') + 1);
                        if (named.stream().noneMatch(n -> n.contains(leaf))) {
                            failures.add(what + " was refused without naming it: " + answer.getContentAsString());
                        }
                    } else if (bad != LONG) {
                        failures.add(what + " was taken: " + answer.getStatus());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private MockHttpServletResponse perform(Probe probe, Map<String, Object> body, StoredUser admin) throws Exception {
        MockHttpServletRequestBuilder request = request(probe.method(), probe.path()).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
        if (probe.apiKey()) {
            request.header("Authorization", "Bearer " + apiKeys.issue(unique("probe"), probe.scopes(), null).plainText());
        } else {
            request.with(user(admin)).with(csrf());
        }
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException e) {
            // An exception nothing answered: what a client sees as a 500.
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            return failed;
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The paths of the body's text values: {@code name}, {@code volumes[0].location}. */
    @SuppressWarnings("unchecked")
    private static List<String> textFields(Map<String, Object> body) {
        List<String> fields = new ArrayList<>();
        body.forEach((key, value) -> {
            if (value instanceof String) {
                fields.add(key);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> item) {
                textFields((Map<String, Object>) item).forEach(f -> fields.add(key + "[0]." + f));
            }
        });
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Map<String, Object> body, String field, String value) {
        int bracket = field.indexOf("[0].");
        if (bracket < 0) {
            body.put(field, value);
            return;
        }
        List<Object> list = (List<Object>) body.get(field.substring(0, bracket));
        Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) list.get(0));
        replace(item, field.substring(bracket + 4), value);
        body.put(field.substring(0, bracket), List.of(item));
    }
}
