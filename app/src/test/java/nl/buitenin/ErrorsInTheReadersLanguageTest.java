package nl.buitenin;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.testing.DatabaseTest;

/**
 * Each module's API tells its errors (invalid input, not found, conflict, rejected items) in the language the caller
 * asks for with Accept-Language: Dutch for {@code nl}, English for {@code en}, whatever the user's own setting.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ErrorsInTheReadersLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    StoredUser officer;

    @BeforeEach
    void people() {
        if (users.byUsername("polyglot").isEmpty()) {
            users.create(new NewUser("polyglot", "Pat Polyglot", "a long enough password",
                    Set.of(Role.ADMIN, Role.ANALYST, Role.PLANNER, Role.PRIVACY_OFFICER), null, "en", false));
        }
        officer = users.storedByUsername("polyglot").orElseThrow();
    }

    private ResultActions get(String path, String language) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(user(officer)).header("Accept-Language", language));
    }

    private ResultActions post(String path, String json, String language) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(user(officer)).with(csrf()).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void platformNotFoundAndInvalidValue() throws Exception {
        UUID id = UUID.randomUUID();
        get("/api/v1/journeys/" + id, "nl").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("klantreis " + id + " bestaat niet"));
        get("/api/v1/journeys/" + id, "en").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("journey " + id + " does not exist"));
        get("/api/v1/journeys/not-an-id", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ongeldige invoer"))
                .andExpect(jsonPath("$.errors[0].message").value("heeft een ongeldige waarde 'not-an-id'"));
        get("/api/v1/journeys/not-an-id", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].message").value("has an invalid value 'not-an-id'"));
    }

    @Test
    void journeyIngestTellsRejectedItems() throws Exception {
        String batch = """
                {"items":[{"sourceId":"lang-1","touchpoint":"nope","at":"2026-01-01T10:00:00Z","kind":"visit"}]}""";
        post("/api/v1/interactions", batch, "nl").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].errors[0].field").value("touchpoint"))
                .andExpect(jsonPath("$.items[0].errors[0].message").value("'nope' is geen id van een contactmoment (een UUID)"))
                .andExpect(jsonPath("$.items[0].reason").value("touchpoint: 'nope' is geen id van een contactmoment (een UUID)"));
        post("/api/v1/interactions", batch, "en").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].errors[0].message").value("'nope' is not a touchpoint id (a UUID)"));
    }

    @Test
    void aBodyOfTheWrongShapeIsSaidWithoutInternalTypeNames() throws Exception {
        // The endpoint takes {"items": [...]}; a bare list used to be answered with Jackson's English message naming
        // the application's own record (nl.buitenin.journey.web.InteractionsApi$InteractionBatch).
        String list = """
                [{"sourceId":"shape-1","touchpoint":"nope","at":"2026-01-01T10:00:00Z"}]""";
        post("/api/v1/interactions", list, "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Onleesbare inhoud van het verzoek"))
                .andExpect(jsonPath("$.detail").value("De inhoud van het verzoek moet een JSON-object zijn met de velden die "
                        + "de API-documentatie van dit adres noemt (geen lijst of losse waarde)"));
        post("/api/v1/interactions", list, "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body must be a JSON object with the fields named in the "
                        + "API documentation of this endpoint (not a list or a single value)"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("nl.buitenin"))));
        // A field of the wrong type still names its field.
        post("/api/v1/interactions", "{\"items\": 5}", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"));
    }

    @Test
    void brokenJsonAWrongFieldAndNoBodyAreSaidWithoutJacksonsEnglish() throws Exception {
        // Cut off after the 22 characters of its second line (column 23): where the JSON breaks, as line and column, in the reader's words (Jackson's own
        // "Unexpected end-of-input ... expected close marker for Array" was put inside the Dutch sentence until now).
        String cutOff = "{\"items\": [\n  {\"sourceId\": \"cut-1\"";
        post("/api/v1/interactions", cutOff, "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Onleesbare inhoud van het verzoek"))
                .andExpect(jsonPath("$.detail").value("De inhoud van het verzoek is geen geldige JSON: de fout zit op regel 2, kolom 23"))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").value(23));
        // The closing brace, where a value or ']' belongs, is the 12th character.
        post("/api/v1/interactions", "{\"items\": [}", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON: the error is at line 1, column 12"));
        // A value of the wrong type: the field and the application's own sentence for it, no Java type.
        post("/api/v1/interactions", "{\"items\": 5}", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("De inhoud van het verzoek kon niet worden gelezen: items: ")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("java."))))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("Cannot deserialize"))));
        // No body at all: Spring's "Required request body is missing" named the controller's method.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/interactions")
                        .with(user(officer)).with(csrf()).header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Dit adres verwacht een inhoud (JSON), maar het verzoek had er geen"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/interactions")
                        .with(user(officer)).with(csrf()).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("This endpoint expects a body (JSON), but the request had none"));
    }

    @Test
    void accessPasswordsAndTakenNames() throws Exception {
        String nameAsPassword = """
                {"username":"naam-als-wachtwoord","displayName":"Naam","password":"naam-als-wachtwoord","roles":["AGENT"]}""";
        post("/api/v1/users", nameAsPassword, "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("mag niet gelijk zijn aan de gebruikersnaam"));
        post("/api/v1/users", nameAsPassword, "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must differ from the username"));
        String taken = """
                {"username":"polyglot","displayName":"Again","password":"a long enough password","roles":["AGENT"]}""";
        post("/api/v1/users", taken, "nl").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("de gebruikersnaam polyglot is al in gebruik"));
        post("/api/v1/users", taken, "en").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("the username polyglot is taken"));
    }

    @Test
    void privacyAndContactNamePersonKeys() throws Exception {
        post("/api/v1/consents", "{\"personKey\":\"p_x\",\"purpose\":\"offers\",\"given\":true}", "nl")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personKey"))
                .andExpect(jsonPath("$.errors[0].message").value("geen persoonssleutel (p_ en 26 base32-tekens)"));
        post("/api/v1/consents", "{\"personKey\":\"p_x\",\"purpose\":\"offers\",\"given\":true}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("not a person key (p_ and 26 base32 characters)"));
        get("/api/v1/contact/decisions?person=nobody", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("moet een persoonssleutel zijn: p_ en 26 base32-tekens"));
        get("/api/v1/contact/decisions?person=nobody", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be a person key: p_ and 26 base32 characters"));
    }

    @Test
    void loopAndDemandQueries() throws Exception {
        get("/api/v1/loop/figures?by=YEAR&from=2026-01-01&to=2026-01-31", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"))
                .andExpect(jsonPath("$.errors[0].message").value("kies TEAM, TOUCHPOINT of MONTH"));
        get("/api/v1/loop/figures?by=TEAM&from=2026-01-01&to=31-01-2026", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].message").value("not a date (yyyy-mm-dd): 31-01-2026"));
        get("/api/v1/loop/figures?by=TEAM&from=2026-01-01&to=31-01-2026", "nl").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("geen datum (jjjj-mm-dd): 31-01-2026"));
        get("/api/v1/demand/forecast?channel=PHONE&location=Nergens", "nl").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("reeks")))
                .andExpect(jsonPath("$.detail", containsString("bestaat niet")));
        get("/api/v1/demand/forecast?channel=PHONE&location=Nergens", "en").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("series")))
                .andExpect(jsonPath("$.detail", containsString("does not exist")));
    }
}
