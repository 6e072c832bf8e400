package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.privacy.EveryModuleFixture.Someone;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * A person with data in every module exports all of it, on H2 and PostgreSQL: every section of every module is
 * there with its content, in the JSON of the API and the own page, and on the officer's and the person's page as
 * readable sections in the reader's language (no record dumps, no ids, no codes).
 */
@DatabaseTest
@AutoConfigureMockMvc
class ExportAcrossModulesTest {

    static final List<String> SECTIONS = List.of("contact-details", "preferences", "consents", "access-log", "interactions",
            "invitations", "answers", "contact-decisions", "contacts", "messages", "cases", "told-back", "answer-themes", "notes",
            "text-analysis");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Exports exports;
    @Autowired
    PersonLinks links;

    Someone someone;

    @BeforeEach
    void someoneInEveryModule() throws Exception {
        someone = EveryModuleFixture.in(context).create(mvc);
    }

    @Test
    void everySectionHoldsWhatEachModuleKeeps() {
        PersonExport export = exports.export(someone.key());

        assertThat(export.sections()).extracting(PersonExport.Section::name).containsAll(SECTIONS);
        assertThat(text(export, "contact-details")).contains(someone.name(), someone.email(), someone.customerId(), someone.phone());
        assertThat(text(export, "preferences")).contains("PHONE");
        assertThat(records(export, "consents")).hasSize(2);
        assertThat(text(export, "access-log")).contains("Feedback");
        assertThat(records(export, "interactions")).singleElement().asString().contains(someone.touchpointNl(), "CONTACT");
        assertThat(records(export, "invitations")).singleElement().asString().contains("Uw wandelreis", someone.touchpointNl());
        assertThat(records(export, "answers")).singleElement().asString()
                .contains(someone.comment(), "Wat kunnen we beter doen?", "te snel", "score=3", "COMPLETED");
        assertThat(text(export, "contact-decisions")).contains("INVITATION", "TOLD_BACK");
        assertThat(text(export, "contacts")).contains("INVITATION");
        assertThat(records(export, "messages")).isNotEmpty();
        assertThat(records(export, "cases")).singleElement().asString()
                .contains(someone.complaintText(), someone.noteText(), someone.callbackNote(), "NOT_REACHED", someone.themeNl(),
                        someone.touchpointNl());
        assertThat(text(export, "told-back")).contains(someone.actionNl(), "TOLD", "CALL_PLANNED", someone.callNote());
        assertThat(records(export, "answer-themes")).singleElement().asString().contains(someone.themeNl());
        assertThat(records(export, "notes")).singleElement().asString().contains(someone.name() + " belde boos");
        assertThat(records(export, "text-analysis")).extracting(r -> r.toString()).anyMatch(r -> r.contains("COMMENT"));
    }

    @Test
    void theApiAndTheOwnPageGiveTheWholeExportAsJson() throws Exception {
        String api = mvc.perform(get("/api/v1/persons/" + someone.key().value() + "/export").with(user("fg").roles("PRIVACY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String own = mvc.perform(get(links.linkFor(someone.key()).getPath() + "/export.json"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String json : List.of(api, own)) {
            List<String> names = JsonPath.read(json, "$.sections[*].name");
            assertThat(names).containsAll(SECTIONS);
            List<String> summaries = JsonPath.read(json, "$.sections[?(@.name == 'cases')].records[*].summary");
            assertThat(summaries).containsExactly(someone.complaintText());
            List<String> statuses = JsonPath.read(json, "$.sections[?(@.name == 'cases')].records[*].status");
            assertThat(statuses).as("codes stay machine-readable in the JSON").containsExactly("NEW");
            List<Map<String, String>> touchpoints = JsonPath.read(json, "$.sections[?(@.name == 'interactions')].records[*].touchpoint");
            assertThat(touchpoints).singleElement().satisfies(t -> assertThat(t).containsEntry("nl", someone.touchpointNl()));
            List<String> texts = JsonPath.read(json, "$.sections[?(@.name == 'answers')].records[*].answers[*].text");
            assertThat(texts).contains(someone.comment());
        }
    }

    @Test
    void theOfficersAndThePersonsPagesShowReadableSectionsInTheReadersLanguage() throws Exception {
        String officer = "/privacy/persons/" + someone.key().value() + "/export";
        String own = links.linkFor(someone.key()).getPath() + "/export";
        for (String path : List.of(officer, own)) {
            String dutch = page(path, "nl");
            assertThat(dutch).contains("Uw klachten en zaken", "Contacten met ons", "Uw antwoorden op vragenlijsten",
                    "Wat we u vertelden over verbeteringen", "Thema&#39;s in uw antwoorden", "Berichten aan u",
                    "Besluiten om u wel of niet te benaderen", "Uitnodigingen voor een vragenlijst", "Wie uw gegevens las",
                    "Wat u meldde", "nieuw", "niet bereikt", "Telefoon", "we bellen u", "ingevuld", "te snel",
                    someone.touchpointNl(), someone.themeNl(), someone.actionNl(), someone.surname());
            String english = page(path, "en");
            assertThat(english).contains("Your complaints and cases", "Your contacts with us", "Your answers to surveys",
                    "What we told you about improvements", "What you reported", "not reached", "completed", "te snel",
                    someone.touchpointNl() + " (en)", someone.themeNl() + " (en)", someone.actionNl() + " (en)");
            for (String page : List.of(dutch, english)) {
                assertThat(VisibleText.problems(page)).as("ids, message keys or dumps in the visible text").isEmpty();
                assertThat(page).as("a date in words, in the reader's language").containsPattern(
                        "\\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}, \\d{2}:\\d{2}");
                assertThat(page).as("no record dumps").doesNotContain("GivenAnswer[", "Exported", "Record[", "ExportTerm[", "ExportName[");
                assertThat(page).as("no ids or keys").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                        .doesNotContain(someone.complaint().toString());
                assertThat(page).as("no codes").doesNotContainPattern(
                        ">[^<]*\\b(COMPLETED|INVITED|CONTACTED|NOT_REACHED|CALL_AGAIN|CALL_PLANNED|PHONE|EMAIL|INVITATION|TOLD_BACK|TOLD|PENDING|SENT|CONTACT)\\b[^<]*<");
            }
        }
        assertThat(page(officer, "nl")).as("the officer's page names the person by key, the person's own page does not")
                .contains(someone.key().value());
        assertThat(page(own, "nl")).doesNotContain(someone.key().value());
    }

    /**
     * The page groups the sections by what they are held for: about the person first, then each purpose of the
     * register by name with its description and the sections its modules declared for it, who read the data last.
     */
    @Test
    void thePageGroupsTheSectionsByPurpose() throws Exception {
        String own = links.linkFor(someone.key()).getPath() + "/export";
        String dutch = page(own, "nl");
        assertThat(dutch).contains("Over u en uw keuzes", "Feedback over een contact", "Klachtafhandeling",
                "Verbetering van de dienstverlening", "Een klacht of een laag oordeel wordt een zaak met een eigenaar", "Verantwoording");
        assertThat(page(own, "en")).contains("About you and your choices", "Feedback about a contact", "Complaint handling",
                "Service improvement", "Accountability");
        Map<String, String> groupOf = Map.of("contact-details", "about", "consents", "about", "answers", "feedback",
                "invitations", "feedback", "interactions", "feedback", "cases", "complaint-handling", "told-back", "service-improvement",
                "answer-themes", "service-improvement", "access-log", "accountability");
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("id=\"held-([a-z-]+)\"").matcher(dutch);
        java.util.TreeMap<Integer, String> groupAt = new java.util.TreeMap<>();
        while (group.find()) {
            groupAt.put(group.start(), group.group(1));
        }
        assertThat(groupAt.values()).first().isEqualTo("about");
        assertThat(groupAt.values()).last().isEqualTo("accountability");
        groupOf.forEach((section, expected) -> {
            int at = dutch.indexOf("id=\"export-" + section + "\"");
            assertThat(at).as("section %s on the page", section).isPositive();
            String in = groupAt.floorEntry(at).getValue();
            assertThat(in).as("group of section %s", section).isEqualTo(expected);
        });
    }

    /**
     * Every field of every record type a section exports has a label in both languages, also the fields this person
     * has no value for (a held-back message, a sent date): the record types are walked, nested lists included.
     */
    @Test
    void everyFieldOfEveryRecordHasALabelInBothLanguages() {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (PersonExport.Section section : exports.export(someone.key()).sections()) {
            section.records().stream().map(Object::getClass).distinct()
                    .forEach(type -> labels(section.name(), type, missing));
        }
        assertThat(missing).isEmpty();
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    private void labels(String path, Class<?> type, java.util.Set<String> missing) {
        if (!type.isRecord() || type == ExportTerm.class || type == ExportName.class) {
            return;
        }
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(ExportOnly.class) || component.getType() == java.util.UUID.class) {
                continue;
            }
            String key = "export." + path + "." + component.getName();
            for (java.util.Locale locale : List.of(java.util.Locale.forLanguageTag("nl"), java.util.Locale.ENGLISH)) {
                if (messages.getMessage(key, null, null, locale) == null) {
                    missing.add(key + " (" + locale + ")");
                }
            }
            Class<?> nested = component.getType();
            if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                nested = element;
            }
            labels(path + "." + component.getName(), nested, missing);
        }
    }

    private String page(String path, String language) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Accept-Language", language).with(user("fg").roles("PRIVACY_OFFICER")))
                .andExpect(status().isOk()).andReturn();
        Object view = result.getModelAndView().getModel().get("export");
        Method missing = view.getClass().getDeclaredMethod("missing");
        missing.setAccessible(true);
        assertThat((Set<?>) missing.invoke(view)).as("texts missing for the export on %s in %s", path, language).isEmpty();
        return result.getResponse().getContentAsString();
    }

    private static List<?> records(PersonExport export, String section) {
        return export.sections().stream().filter(s -> s.name().equals(section)).findFirst().orElseThrow().records();
    }

    private static String text(PersonExport export, String section) {
        return records(export, section).toString();
    }
}
