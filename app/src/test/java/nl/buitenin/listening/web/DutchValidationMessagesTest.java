package nl.buitenin.listening.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.testing.DatabaseTest;

/**
 * Validation errors reach a Dutch reader in Dutch: API problems in the language of Accept-Language (also when
 * the caller's own setting is English), Bean Validation problems likewise, and form errors in the user's language.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DutchValidationMessagesTest {

    static final String UNTITLED = """
            {"format":"buitenin-survey/1","title":{"nl":"","en":"After the walk"},
             "questions":[{"key":"nps","type":"NPS","text":{"nl":"Hoe waarschijnlijk is het dat u ons aanbeveelt?",
                "en":"How likely are you to recommend us?"}}],
             "closing":{"nl":"Dank u.","en":"Thank you."}}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    StoredUser englishAnalyst;
    StoredUser dutchAnalyst;
    StoredUser admin;

    @BeforeEach
    void people() {
        if (users.byUsername("evan").isEmpty()) {
            users.create(new NewUser("evan", "Evan English", "a long enough password", Set.of(Role.ANALYST), null, "en", false));
            users.create(new NewUser("nina", "Nina Nederlands", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));
            users.create(new NewUser("bea", "Bea Beheer", "a long enough password", Set.of(Role.ADMIN), null, "en", false));
        }
        englishAnalyst = users.storedByUsername("evan").orElseThrow();
        dutchAnalyst = users.storedByUsername("nina").orElseThrow();
        admin = users.storedByUsername("bea").orElseThrow();
    }

    @Test
    void anApiProblemIsToldInTheLanguageOfAcceptLanguage() throws Exception {
        mvc.perform(post("/api/v1/surveys").with(user(englishAnalyst)).with(csrf()).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(UNTITLED))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title.nl"))
                .andExpect(jsonPath("$.errors[0].message").value("is verplicht, in het Nederlands én in het Engels"));
        mvc.perform(post("/api/v1/surveys").with(user(dutchAnalyst)).with(csrf()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(UNTITLED))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is required in Dutch and in English"));
    }

    @Test
    void aBeanValidationProblemIsToldInDutchToo() throws Exception {
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).header("Accept-Language", "nl-NL,nl;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"\",\"displayName\":\"Nieuw\",\"password\":\"a long enough password\",\"roles\":[\"AGENT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("mag niet onbeschreven zijn")));
    }

    @Test
    void aDutchFormSubmissionShowsTheErrorInDutch() throws Exception {
        mvc.perform(post("/surveys/new").with(user(dutchAnalyst)).with(csrf()).param("titleEn", "After the walk")
                        .param("questions[0].type", "NPS").param("questions[0].textNl", "Hoe waarschijnlijk is het dat u ons aanbeveelt?")
                        .param("questions[0].textEn", "How likely are you to recommend us?"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is verplicht, in het Nederlands én in het Engels")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("is required in Dutch and in English"))));
    }
}
