package nl.buitenin.loop;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.testing.Unique;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.testing.DatabaseTest;

/**
 * The themes of a case through the API: a person's tag, a suggestion with its confidence, a rejected suggestion left
 * out; a READ key reads them, an agent may not, an unknown case is a 404.
 */
@DatabaseTest
@AutoConfigureMockMvc
class CaseThemesApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    ThemeTagging tagging;
    @Autowired
    ThemeTaxonomy taxonomy;
    @Autowired
    JdbcUsers users;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void aCasesThemesAreReadWithTheirStateAndConfidence() throws Exception {
        CaseId caseId = cases.openFor(CaseSource.complaint("themes-" + UUID.randomUUID()), CaseType.COMPLAINT, null, null,
                "De bus naar het startpunt kwam niet.");
        // Its example phrase is not in the case's text: otherwise text insight, reading the new case on its own thread, may
        // suggest the theme before the agent tags it, and the agent's tag is then a confirmation of that suggestion.
        ThemeDefinition vervoer = taxonomy.add(Unique.name("Vervoer"), Unique.name("Transport"), List.of("touringcar"));
        ThemeDefinition gids = taxonomy.add(Unique.name("Gids"), Unique.name("Guide"), List.of("gids"));
        ThemeDefinition eten = taxonomy.add(Unique.name("Eten"), Unique.name("Food"), List.of("lunch"));
        tagging.tag(caseId, vervoer.id(), "medewerker", ThemeTagging.Tagger.USER);
        tagging.suggest(TagSubject.of(caseId), gids.id(), "Buitenin", 0.62);
        tagging.suggest(TagSubject.of(caseId), eten.id(), "Buitenin", 0.41);
        tagging.reject(TagSubject.of(caseId), eten.id(), "analist");
        String reader = apiKeys.issue("reader " + UUID.randomUUID(), Set.of(Scope.READ), null).plainText();

        mvc.perform(get("/api/v1/cases/" + caseId.value() + "/themes").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.themeId == '" + vervoer.id() + "')].state").value("CONFIRMED"))
                .andExpect(jsonPath("$[?(@.themeId == '" + vervoer.id() + "')].tagger").value("USER"))
                .andExpect(jsonPath("$[?(@.themeId == '" + gids.id() + "')].state").value("SUGGESTED"))
                .andExpect(jsonPath("$[?(@.themeId == '" + gids.id() + "')].confidence").value(0.62))
                .andExpect(jsonPath("$[?(@.themeId == '" + gids.id() + "')].nameNl").value(gids.nameNl()));
        mvc.perform(get("/api/v1/cases/" + caseId.value() + "/themes").with(user(staff(Role.AGENT)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/" + UUID.randomUUID() + "/themes").with(user(staff(Role.ANALYST)))).andExpect(status().isNotFound());
    }

    private StoredUser staff(Role role) {
        String name = "ct-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }
}
