package nl.buitenin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.platform.StartupNotes;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class SignInTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    StartupNotes notes;

    @Test
    void firstStartCreatesAnAdminWithAOneTimePasswordPrintedOnce() throws Exception {
        User admin = users.byUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(users.storedByUsername("admin").orElseThrow().mustChangePassword()).isTrue();
        String note = notes.lines().stream().filter(l -> l.contains("one-time password")).findFirst().orElseThrow();
        String password = note.replaceAll(".*password '([^']+)'.*", "$1");
        assertThat(password).hasSize(16);
        assertThat(users.passwordMatches(admin.id(), password)).isTrue();
    }

    @Test
    void signsInWithTheRightPassword() throws Exception {
        create("anna", false);
        mvc.perform(formLogin().user("anna").password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void locksTheAccountAfterFiveFailedAttemptsEvenForTheRightPassword() throws Exception {
        create("bert", false);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("bert").password("wrong password " + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("bert").password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(users.storedByUsername("bert").orElseThrow().lockedUntil()).isNotNull();

        users.unlock(users.byUsername("bert").orElseThrow().id());
        mvc.perform(formLogin().user("bert").password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aUserWithAOneTimePasswordMustChooseOneFirst() throws Exception {
        create("carla", true);
        var carla = users.storedByUsername("carla").orElseThrow();
        mvc.perform(get("/").with(user(carla))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").with(user(carla)).with(csrf())
                        .param("current", PASSWORD).param("password", "my own new passphrase").param("repeat", "my own new passphrase"))
                .andExpect(redirectedUrl("/?passwordChanged"));
        mvc.perform(get("/").with(user(carla))).andExpect(status().isOk());
        assertThat(users.passwordMatches(carla.id(), "my own new passphrase")).isTrue();
    }

    @Test
    void refusesAShortNewPassword() throws Exception {
        create("dirk", false);
        var dirk = users.storedByUsername("dirk").orElseThrow();
        mvc.perform(post("/account/password").with(user(dirk)).with(csrf())
                .param("current", PASSWORD).param("password", "short").param("repeat", "short"))
                .andExpect(status().isOk());
        assertThat(users.passwordMatches(dirk.id(), PASSWORD)).isTrue();
    }

    @Test
    void theChosenLanguageIsKeptWithTheAccount() throws Exception {
        create("eva", false);
        var eva = users.storedByUsername("eva").orElseThrow();
        mvc.perform(post("/language").with(user(eva)).with(csrf()).param("lang", "en").param("back", "/admin/users"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(users.byUsername("eva").orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void theLanguageSwitchDoesNotRedirectElsewhere() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "en").param("back", "//evil.example/"))
                .andExpect(redirectedUrl("/"));
    }

    private void create(String username, boolean mustChange) {
        users.create(new NewUser(username, username, PASSWORD, Set.of(Role.ANALYST), null, "nl", mustChange));
    }
}
