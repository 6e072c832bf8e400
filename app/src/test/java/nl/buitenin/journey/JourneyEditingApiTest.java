package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.Cases;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.testing.DatabaseTest;

/**
 * Editing a mapped journey through the API: renames with field-named validation and refused duplicates,
 * moving and reordering, archiving and restoring (pickers, ingestion), and deleting only what nothing refers to.
 */
@DatabaseTest
@AutoConfigureMockMvc
class JourneyEditingApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    Journeys journeys;
    @Autowired
    Touchpoints touchpoints;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;
    @Autowired
    StoredContactPolicy policy;

    String tag;
    String journey;
    String book;
    String travel;
    String shop;
    String phone;

    @BeforeEach
    void aJourneyWithTwoStages() throws Exception {
        tag = UUID.randomUUID().toString().substring(0, 8);
        journey = created(post("/api/v1/journeys"), names("Wandelreis " + tag, "Walking holiday " + tag));
        book = created(post("/api/v1/journeys/" + journey + "/stages"), names("Boeken", "Booking"));
        travel = created(post("/api/v1/journeys/" + journey + "/stages"), names("Op reis", "Travelling"));
        shop = created(post("/api/v1/stages/" + book + "/touchpoints"),
                "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"location\",\"location\":\"Utrecht\"}");
        phone = created(post("/api/v1/stages/" + book + "/touchpoints"), "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"phone\"}");
    }

    @Test
    void renamesAndChangesAreStoredAndReadBack() throws Exception {
        as(put("/api/v1/journeys/" + journey), names("Reis " + tag, "Trip " + tag)).andExpect(status().isNoContent());
        as(put("/api/v1/stages/" + book), names("Reserveren", "Reserving")).andExpect(status().isNoContent());
        as(put("/api/v1/touchpoints/" + phone), "{\"nameNl\":\"Klantenservice\",\"nameEn\":\"Customer service\",\"channel\":\"chat\","
                + "\"location\":\"\",\"stage\":\"" + travel + "\"}").andExpect(status().isNoContent());

        Journey read = journeys.byId(new JourneyId(UUID.fromString(journey))).orElseThrow();
        assertThat(read.nameNl()).isEqualTo("Reis " + tag);
        assertThat(read.stages().get(0).nameEn()).isEqualTo("Reserving");
        assertThat(read.stages().get(0).touchpoints()).extracting(Touchpoint::nameEn).containsExactly("Shop");
        Touchpoint moved = read.stages().get(1).touchpoints().get(0);
        assertThat(moved.id().toString()).isEqualTo(phone);
        assertThat(moved.nameNl()).isEqualTo("Klantenservice");
        assertThat(moved.channel()).isEqualTo(Channel.CHAT);
        assertThat(moved.location()).isNull();
    }

    @Test
    void badOrDuplicateNamesAreRefusedNamingTheField() throws Exception {
        as(put("/api/v1/stages/" + book).header("Accept-Language", "en"), "{\"nameNl\":\" \",\"nameEn\":\"Booking\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameNl"));
        as(put("/api/v1/stages/" + book).header("Accept-Language", "en"), names("op reis", "Booking"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameNl"))
                .andExpect(jsonPath("$.errors[0].message").value("another stage of this journey is already called 'Op reis'"));
        as(put("/api/v1/touchpoints/" + shop).header("Accept-Language", "en"), "{\"nameNl\":\"Winkel\",\"nameEn\":\"PHONE\",\"channel\":\"location\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameEn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("another touchpoint of this stage")));
        as(put("/api/v1/touchpoints/" + shop).header("Accept-Language", "en"), "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"pigeon\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        as(put("/api/v1/touchpoints/" + shop).header("Accept-Language", "en"), "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"web\",\"stage\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stage"));
        String other = created(post("/api/v1/journeys"), names("Klacht " + tag, "Complaint " + tag));
        as(put("/api/v1/journeys/" + other).header("Accept-Language", "en"), names("Klacht " + tag, "walking HOLIDAY " + tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameEn"))
                .andExpect(jsonPath("$.errors[0].message").value("another journey is already called 'Walking holiday " + tag + "'"));
        // The same name at another place is another touchpoint ("Winkel" in Utrecht and in Zwolle); at the same place it is refused.
        created(post("/api/v1/stages/" + book + "/touchpoints"), "{\"nameNl\":\"Winkel\",\"nameEn\":\"Shop\",\"channel\":\"location\",\"location\":\"Zwolle\"}");
        as(post("/api/v1/stages/" + book + "/touchpoints").header("Accept-Language", "en"), "{\"nameNl\":\"Winkel\",\"nameEn\":\"Store\",\"channel\":\"location\",\"location\":\"zwolle\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("another touchpoint of this stage at zwolle is already called 'Winkel'"));
        // A new journey may not take an existing journey's name either, whatever the case.
        as(post("/api/v1/journeys").header("Accept-Language", "en"), names("KLACHT " + tag, "Complaints " + tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nameNl"))
                .andExpect(jsonPath("$.errors[0].message").value("another journey is already called 'Klacht " + tag + "'"));
        // A new stage may not take an existing stage's name either.
        as(post("/api/v1/journeys/" + journey + "/stages").header("Accept-Language", "en"), names("Boeken", "Booking again"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nameNl"));
    }

    @Test
    void stagesAndTouchpointsAreReordered() throws Exception {
        as(put("/api/v1/journeys/" + journey + "/stage-order"), "{\"stages\":[\"" + travel + "\",\"" + book + "\"]}")
                .andExpect(status().isNoContent());
        as(put("/api/v1/stages/" + book + "/touchpoint-order"), "{\"touchpoints\":[\"" + phone + "\",\"" + shop + "\"]}")
                .andExpect(status().isNoContent());
        Journey read = journeys.byId(new JourneyId(UUID.fromString(journey))).orElseThrow();
        assertThat(read.stages()).extracting(Stage::nameNl).containsExactly("Op reis", "Boeken");
        assertThat(read.stages().get(1).touchpoints()).extracting(Touchpoint::nameEn).containsExactly("Phone", "Shop");

        as(put("/api/v1/journeys/" + journey + "/stage-order"), "{\"stages\":[\"" + travel + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stages"));
        as(put("/api/v1/stages/" + book + "/touchpoint-order"), "{\"touchpoints\":[\"" + phone + "\",\"nope\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("touchpoints[1]"));
    }

    @Test
    void archivedItemsLeaveThePickersButStayReadableAndComeBackWhenRestored() throws Exception {
        TouchpointId shopId = TouchpointId.of(shop);
        as(post("/api/v1/touchpoints/" + shop + "/archive"), "").andExpect(status().isNoContent());
        assertThat(touchpoints.all()).extracting(Touchpoint::id).doesNotContain(shopId).contains(TouchpointId.of(phone));
        assertThat(touchpoints.byId(shopId).orElseThrow().archived()).isTrue();
        assertThat(journeys.all().stream().flatMap(j -> j.touchpoints().stream()).map(Touchpoint::id)).doesNotContain(shopId);
        // Ids as plain strings, as they are given back to the API (a touchpoint in a batch of interactions).
        mvc.perform(get("/api/v1/journeys/" + journey).with(user("anouk").roles("ANALYST")))
                .andExpect(jsonPath("$.id").value(journey))
                .andExpect(jsonPath("$.stages[0].id").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.stages[0].touchpoints[0].journey").value(journey));
        mvc.perform(get("/api/v1/touchpoints?archived=true").with(user("anouk").roles("ANALYST")))
                .andExpect(jsonPath("$[?(@.id == '" + shop + "')].archived").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.id == '" + shop + "')].stage").value(hasItem(org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))));

        // Archiving the journey hides everything under it; restoring it brings back what was in use, not the shop.
        as(post("/api/v1/journeys/" + journey + "/archive"), "").andExpect(status().isNoContent());
        assertThat(journeys.all()).extracting(Journey::id).doesNotContain(new JourneyId(UUID.fromString(journey)));
        assertThat(touchpoints.all()).extracting(Touchpoint::id).doesNotContain(TouchpointId.of(phone));
        assertThat(journeys.allIncludingArchived()).filteredOn(j -> j.id().equals(new JourneyId(UUID.fromString(journey))))
                .singleElement().satisfies(j -> assertThat(j.archived()).isTrue());
        as(post("/api/v1/journeys/" + journey + "/restore"), "").andExpect(status().isNoContent());
        assertThat(touchpoints.all()).extracting(Touchpoint::id).contains(TouchpointId.of(phone)).doesNotContain(shopId);

        as(post("/api/v1/touchpoints/" + shop + "/restore"), "").andExpect(status().isNoContent());
        assertThat(touchpoints.all()).extracting(Touchpoint::id).contains(shopId);
    }

    @Test
    void theSurveyEditorNoLongerOffersAnArchivedTouchpointButNamesItWhereASurveyStillTargetsIt() throws Exception {
        String created = as(post("/api/v1/surveys"), survey("Winkel " + tag, shop)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String survey = JsonPath.read(created, "$.id");
        as(post("/api/v1/touchpoints/" + shop + "/archive"), "").andExpect(status().isNoContent());
        String page = mvc.perform(get("/surveys/" + survey).with(user("anouk").roles("ANALYST"))
                        .cookie(new jakarta.servlet.http.Cookie("buitenin-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Touchpoint Shop (archived: no longer offered)").contains("value=\"" + shop + "\"")
                .contains("value=\"" + phone + "\"");
        String blank = mvc.perform(get("/surveys/new").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains(phone).doesNotContain(shop);
    }

    @Test
    void anArchivedTouchpointRefusesNewInteractionsButAResentOneIsStillAlreadyStored() throws Exception {
        String key = apiKeys.issue("till " + tag, Set.of(Scope.INGEST), null).plainText();
        ingest(key, "[" + interaction(tag + "-old", shop) + "]").andExpect(jsonPath("$.created").value(1));
        as(post("/api/v1/stages/" + book + "/archive"), "").andExpect(status().isNoContent());

        ingest(key, "[" + interaction(tag + "-old", shop) + "," + interaction(tag + "-new", shop) + "]")
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.items[0].status").value("DUPLICATE"))
                .andExpect(jsonPath("$.items[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].errors[0].field").value("touchpoint"))
                .andExpect(jsonPath("$.items[1].errors[0].message").value(containsString("'Winkel' (" + shop + ") is gearchiveerd")));

        as(post("/api/v1/stages/" + book + "/restore"), "").andExpect(status().isNoContent());
        ingest(key, "[" + interaction(tag + "-new", shop) + "]").andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void onlyWhatNothingRefersToIsDeleted() throws Exception {
        as(delete("/api/v1/touchpoints/" + phone), "").andExpect(status().isNoContent());
        assertThat(touchpoints.byId(TouchpointId.of(phone))).isEmpty();
        as(delete("/api/v1/stages/" + travel), "").andExpect(status().isNoContent());
        assertThat(journeys.byId(new JourneyId(UUID.fromString(journey))).orElseThrow().stages()).extracting(Stage::nameNl).containsExactly("Boeken");
        as(delete("/api/v1/touchpoints/" + UUID.randomUUID()), "").andExpect(status().isNotFound());

        String lonely = created(post("/api/v1/journeys"), names("Leeg " + tag, "Empty " + tag));
        created(post("/api/v1/stages/" + created(post("/api/v1/journeys/" + lonely + "/stages"), names("Fase", "Stage")) + "/touchpoints"),
                "{\"nameNl\":\"Post\",\"nameEn\":\"Mail\",\"channel\":\"email\"}");
        as(delete("/api/v1/journeys/" + lonely), "").andExpect(status().isNoContent());
        assertThat(journeys.byId(new JourneyId(UUID.fromString(lonely)))).isEmpty();
    }

    @Test
    void aTouchpointInUseIsNotDeletedAndTheRefusalNamesWhatRefersToIt() throws Exception {
        String key = apiKeys.issue("till " + tag, Set.of(Scope.INGEST), null).plainText();
        ingest(key, "[" + interaction(tag + "-1", shop) + "," + interaction(tag + "-2", shop) + "," + interaction(tag + "-3", shop) + "]")
                .andExpect(jsonPath("$.created").value(3));
        String title = "Na de winkel " + tag;
        as(post("/api/v1/surveys"), survey(title, shop)).andExpect(status().isCreated());
        for (int i = 0; i < 4; i++) {
            histograms.record(TouchpointId.of(shop), LocalDate.of(2026, 3, 2), "nps", ScoreScale.NPS, 9);
        }

        as(delete("/api/v1/touchpoints/" + shop).header("Accept-Language", "en"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The touchpoint Shop cannot be deleted because it is still in use: "
                        + "1 survey targets it: " + title + "; 3 interactions; 4 scores in the score histograms. Archive it instead."))
                .andExpect(jsonPath("$.references[?(@.kind == 'journey.interactions')].count").value(hasItem(3)))
                .andExpect(jsonPath("$.references[?(@.kind == 'listening.surveys')].count").value(hasItem(1)));
        // The stage and journey holding it are refused as well, and the Dutch text names the same.
        as(delete("/api/v1/stages/" + book).header("Accept-Language", "nl"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("De fase Boeken kan niet worden verwijderd")))
                .andExpect(jsonPath("$.detail").value(containsString("3 contacten")));
        as(delete("/api/v1/journeys/" + journey), "").andExpect(status().isConflict());
        assertThat(touchpoints.byId(TouchpointId.of(shop))).isPresent();
        mvc.perform(get("/api/v1/touchpoints/" + shop + "/references").with(user("anouk").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void everyModuleThatKeepsTheTouchpointNamesItsReferences() throws Exception {
        String created = as(post("/api/v1/surveys"), survey("Balie " + tag, phone)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String lineage = JsonPath.read(created, "$.lineage");
        as(post("/api/v1/widget-sites"), "{\"name\":\"Site " + tag + "\",\"survey\":\"" + lineage + "\",\"touchpoint\":\"" + phone
                + "\",\"origins\":[\"https://www.buitenpad.nl\"]}").andExpect(status().isCreated());
        cases.openFor(CaseSource.complaint("complaint-" + tag), CaseType.COMPLAINT, null, TouchpointId.of(phone), "Niemand nam op");
        PolicyFile before = PolicyFile.of(policy.current());
        Map<String, Double> shares = new HashMap<>(before.touchpointShares() == null ? Map.of() : before.touchpointShares());
        shares.put(phone, 0.5);
        policy.change(new PolicyFile(before.sampleShare(), shares, before.samplingPeriodDays(), before.recontactDays(),
                before.capPerQuarter(), before.capPerYear(), before.quietFrom(), before.quietUntil(), before.quietDays(),
                before.operationalContactDays(), before.invitationChannel()));
        try {
            as(delete("/api/v1/touchpoints/" + phone).header("Accept-Language", "en"), "")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value("The touchpoint Phone cannot be deleted because it is still in use: "
                            + "1 survey targets it: Balie " + tag + "; 1 widget site shows it: Site " + tag + "; 1 case; "
                            + "the contact policy has its own sampling share for it. Archive it instead."))
                    .andExpect(jsonPath("$.references[*].kind").value(org.hamcrest.Matchers.contains(
                            "listening.surveys", "listening.widgetSites", "loop.cases", "contact.policyShare")));
        } finally {
            policy.change(before);
        }
    }

    @Test
    void agentsMayReadButNotChangeJourneys() throws Exception {
        mvc.perform(put("/api/v1/journeys/" + journey).with(user("agnes").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(names("X", "Y")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/touchpoints/" + shop).with(user("agnes").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(touchpoints.byId(TouchpointId.of(shop))).isPresent();
    }

    private static String names(String nl, String en) {
        return "{\"nameNl\":\"" + nl + "\",\"nameEn\":\"" + en + "\"}";
    }

    private String interaction(String sourceId, String touchpoint) {
        return "{\"sourceId\":\"" + sourceId + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"2026-03-02T09:00:00Z\"}";
    }

    private ResultActions ingest(String key, String items) throws Exception {
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\":" + items + "}")).andExpect(status().isOk());
    }

    private static String survey(String title, String touchpoint) {
        return """
                {"format":"buitenin-survey/1",
                 "title":{"nl":"%s","en":"%s"},
                 "questions":[
                   {"key":"nps","type":"NPS","text":{"nl":"Hoe waarschijnlijk is het dat u ons aanbeveelt bij vrienden of familie?",
                      "en":"How likely is it that you would recommend us to a friend or colleague?"}}],
                 "closing":{"nl":"Dank u.","en":"Thank you."},
                 "touchpoints":["%s"]}
                """.formatted(title, title, touchpoint);
    }

    private ResultActions as(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = as(request, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
