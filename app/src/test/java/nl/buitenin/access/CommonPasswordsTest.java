package nl.buitenin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/** Common passwords and simple sequences are refused wherever a password is set, with the reason in the reader's language. */
@DatabaseTest
@AutoConfigureMockMvc
class CommonPasswordsTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    @Test
    void theChangePasswordFormSaysInDutchThatASequenceIsRefused() throws Exception {
        StoredUser user = create("nl", true);
        mvc.perform(post("/account/password").with(user(user)).with(csrf())
                        .param("current", PASSWORD).param("password", "qwertyuiopas").param("repeat", "qwertyuiopas"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Het nieuwe wachtwoord</span>\n    <span>bestaat voor de helft of meer uit één herhaald teken of een eenvoudige reeks")));
        assertThat(users.passwordMatches(user.id(), PASSWORD)).isTrue();
        assertThat(users.storedById(user.id()).orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void theChangePasswordFormSaysInEnglishThatACommonPasswordIsRefused() throws Exception {
        StoredUser user = create("en", false);
        mvc.perform(post("/account/password").with(user(user)).with(csrf())
                        .param("current", PASSWORD).param("password", "Password1234").param("repeat", "Password1234"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "The new password</span>\n    <span>is one of the most commonly used passwords")));
        assertThat(users.passwordMatches(user.id(), PASSWORD)).isTrue();
    }

    @Test
    void aNewUserThroughTheApiIsRefusedACommonPasswordByName() throws Exception {
        StoredUser admin = create("en", false, Role.ADMIN);
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl")
                        .content("{\"username\":\"" + Unique.name("nieuw").toLowerCase().replace(' ', '-') + "\",\"displayName\":\"Nieuw\","
                                + "\"password\":\"123456789012\",\"roles\":[\"AGENT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("bestaat voor de helft of meer")));
    }

    @Test
    void anAdministratorCannotSetACommonPasswordEither() {
        StoredUser user = create("nl", false);
        assertThatThrownBy(() -> users.changePassword(user.id(), "sunshine2026!", true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).key()).isEqualTo("access.invalid.passwordCommon"));
        assertThatThrownBy(() -> users.create(new NewUser(Unique.name("x").toLowerCase().replace(' ', '-'), "X", "aaaaaaaaaaaaaaaa", Set.of(Role.AGENT), null,
                "nl", true)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).key()).isEqualTo("access.invalid.passwordSequence"));
        assertThat(users.passwordMatches(user.id(), PASSWORD)).isTrue();
    }

    private StoredUser create(String language, boolean mustChange, Role... roles) {
        String username = Unique.name("pw").toLowerCase().replace(' ', '-');
        users.create(new NewUser(username, "Iemand", PASSWORD, roles.length == 0 ? Set.of(Role.ANALYST) : Set.of(roles), null, language,
                mustChange));
        return users.storedByUsername(username).orElseThrow();
    }
}
