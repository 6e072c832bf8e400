package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.Invitations;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ToldBack;
import nl.buitenin.loop.internal.CallbackOutcome;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.TellBackCalls;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;

/**
 * A person with something in every module that holds personal data, made through the modules' own APIs (the
 * HTTP API where an outside system would use it): registered with consents and preferences, a read in the access
 * log, an interaction, an e-mail invitation (a contact decision, a sent contact, a queued message), a completed
 * response with a comment, a complaint with a note and a call-back, themes on the case and on the answer, an
 * improvement they were told about and one they are to be called about (with the agent's note). Every free text
 * names them and gives their phone number in another notation.
 */
final class EveryModuleFixture {

    /** A fixture whose fields the test's application context fills in. */
    static EveryModuleFixture in(ApplicationContext context) {
        EveryModuleFixture fixture = new EveryModuleFixture();
        context.getAutowireCapableBeanFactory().autowireBean(fixture);
        return fixture;
    }

    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    StoredContactPolicy policy;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    Invitations invitations;
    @Autowired
    AnswerRecording recording;
    @Autowired
    CaseWork cases;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBack toldBack;
    @Autowired
    TellBackCalls tellBackCalls;
    @Autowired
    Teams teams;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationRegistry registry;

    /** What was made, with the person's identifiers in the notations the texts use. */
    record Someone(PersonKey key, String customerId, String name, String surname, String email, String phone,
            List<String> phoneNotations, String touchpointNl, String tag, UUID response, CaseId complaint,
            String complaintText, String noteText, String callbackNote, String comment, String callNote,
            String themeNl, String actionNl) {

        /** Everything that identifies them, for the scan after the erasure. */
        List<String> identifiers() {
            List<String> all = new java.util.ArrayList<>(List.of(key.value(), customerId, name, surname, email, phone));
            all.addAll(phoneNotations);
            return all;
        }
    }

    Someone create(MockMvc mvc) throws Exception {
        return create(mvc, "Joke");
    }

    /** Name parts are scrubbed wherever they occur: give a bystander another first name. */
    Someone create(MockMvc mvc, String firstName) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random();
        String digits = String.format("%08d", random.nextInt(100_000_000));
        String surname = "Vergeet" + letters(random, 6);
        String name = firstName + " " + surname;
        String email = "joke." + tag + "@voorbeeld.nl";
        String phone = "+316" + digits;
        List<String> notations = List.of(
                "06 " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " " + digits.substring(6),
                "06" + digits, "+31 6 " + digits, "06-" + digits, "(06) " + digits.substring(0, 4) + " " + digits.substring(4),
                "0031 6 " + digits.substring(0, 4) + " " + digits.substring(4));
        String customerId = "KLANT-" + tag;
        PersonKey key = persons.register(customerId, new ContactDetails(name, email, notations.get(0)));
        consents.give(key, PurposeId.FEEDBACK, "test");
        consents.give(key, PurposeId.SERVICE_IMPROVEMENT, "test");
        persons.setPreferences(key, new Preferences(PreferredChannel.PHONE, "nl", true, false));
        persons.contactDetails(key, PurposeId.FEEDBACK);

        String touchpointNl = Unique.name("Boekingsgesprek");
        TouchpointId touchpoint = journeys.addTouchpoint(
                journeys.addStage(journeys.createJourney(new Names(Unique.name("Boeken"), Unique.name("Booking"))),
                        new Names("Boeken", "Booking")),
                new Names(touchpointNl, touchpointNl + " (en)"), Channel.PHONE, null);
        policy.change(new PolicyFile(1.0, null, null, 30, null, null, "00:00", "00:00", List.of(), 0, "EMAIL"));
        SurveyDefinition trip = SurveyFixtures.tripEvaluation();
        Survey survey = Survey.draft(new SurveyDefinition(trip.title(), null, trip.questions(), trip.closing(), List.of(touchpoint),
                List.of()), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);

        String ingest = apiKeys.issue("every module " + tag, Set.of(Scope.INGEST), null).plainText();
        mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingest).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"sourceId\":\"call-" + tag + "\",\"touchpoint\":\"" + touchpoint.value()
                                + "\",\"at\":\"" + Instant.now().minusSeconds(600) + "\",\"person\":\"" + key.value()
                                + "\",\"kind\":\"contact\"}]}"))
                .andExpect(status().isOk());

        // The interaction leads to an e-mail invitation (the survey is published for its touchpoint).
        awaitEventsHandled();
        List<UUID> invited = responses.responsesOf(key);
        if (invited.isEmpty()) {
            assertThat(invitations.invite(key, touchpoint, "interaction:" + tag, Instant.now()))
                    .as(() -> "the invitation is allowed; decisions: " + jdbc.queryForList("select kind, allowed, reasons "
                            + "from contact_decision where person_key = ?", key.value()))
                    .isEqualTo(Invitations.Outcome.INVITED);
            invited = responses.responsesOf(key);
        }
        UUID response = invited.get(0);
        String comment = "Ik ben " + name + ", bel me op " + notations.get(1) + " of mail " + email;
        recording.complete(response, Map.of("nps", List.of("3"), "tempo", List.of("te-snel"), "beter", List.of(comment)));

        String team = "team-" + tag;
        teams.save(new Teams.Team(team, null));
        StoredUser agent = agent(team);
        String complaintText = "Klacht van " + name + " (" + notations.get(0) + "), mail " + email;
        String body = mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer " + ingest)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"externalId\":\"klacht-" + tag + "\",\"channel\":\"PHONE\",\"touchpointId\":\"" + touchpoint.value()
                                + "\",\"text\":\"" + complaintText + "\",\"personKey\":\"" + key.value() + "\",\"team\":\"" + team + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        CaseId complaint = new CaseId(UUID.fromString(JsonPath.read(body, "$.caseId")));
        // What staff heard on the phone, as a note about them (text insight).
        mvc.perform(post("/api/v1/notes").header("Authorization", "Bearer " + ingest).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"touchpoint\":\"" + touchpoint.value() + "\",\"kind\":\"PHONE_CALL\",\"person\":\"" + key.value()
                                + "\",\"text\":\"" + name + " belde boos vanaf " + notations.get(1) + " over de bagage, mail " + email + "\"}"))
                .andExpect(status().isCreated());
        String noteText = "Mevrouw " + surname + " belde terug vanaf " + notations.get(2) + ", ook bereikbaar op " + notations.get(5);
        cases.addNote(agent.toUser(), complaint, noteText);
        String callbackNote = "Voicemail ingesproken op " + notations.get(3) + " voor " + name;
        cases.callBack(agent.toUser(), complaint, CallbackOutcome.NOT_REACHED, callbackNote);

        String themeNl = Unique.name("Wachttijd");
        Themes.Theme theme = themes.add(themeNl, themeNl + " (en)", null);
        themes.tag(complaint, theme.id(), "analist", ThemeTagging.Tagger.USER);
        themes.tagAnswer(response, theme.id(), "analist", ThemeTagging.Tagger.USER);
        String actionNl = Unique.name("Kortere wachttijd");
        ImprovementAction told = improving.plan(actionNl, actionNl + " (en)", "Meer mensen aan de telefoon", "More people on the phone",
                null, null, Set.of(theme.id()));
        assertThat(toldBack.record(told.id(), key, Channel.EMAIL, Instant.now())).isTrue();
        ImprovementAction call = improving.plan(Unique.name("Terugbelgarantie"), Unique.name("Call-back promise"), "Wij bellen terug",
                "We call back", null, null, Set.of(theme.id()));
        // They prefer the phone and have a case with a team: a call-back task in the team's queue.
        improving.complete(call.id());
        awaitEventsHandled();
        UUID task = tellBackCalls.openFor(agent.toUser()).stream().filter(t -> key.equals(t.person())).findFirst().orElseThrow().id();
        String callNote = "Niet opgenomen op " + notations.get(4) + ", " + surname + " later nog eens bellen";
        tellBackCalls.logCall(agent.toUser(), task, CallbackOutcome.CALL_AGAIN, callNote);
        awaitEventsHandled();
        return new Someone(key, customerId, name, surname, email, phone, notations, touchpointNl, tag, response, complaint, complaintText,
                noteText, callbackNote, comment, callNote, themeNl, actionNl);
    }

    private StoredUser agent(String team) {
        String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, username, "a long enough password", Set.of(Role.AGENT), team, "nl", false));
        return users.storedByUsername(username).orElseThrow();
    }

    void awaitEventsHandled() throws InterruptedException {
        EventsHandled.all(registry).await();
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
