package nl.buitenin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class UsersApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    StoredUser admin;

    @BeforeEach
    void admin() {
        if (users.byUsername("root").isEmpty()) {
            users.create(new NewUser("root", "Root", "a long enough password", Set.of(Role.ADMIN), null, "en", false));
        }
        admin = users.storedByUsername("root").orElseThrow();
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneUser() throws Exception {
        String body = """
                {"username":"frank","displayName":"Frank","password":"a long enough password","roles":["AGENT"]}""";
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").value("frank"));
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.username").value("frank"));
        assertThat(users.all().stream().filter(u -> u.username().equals("frank"))).hasSize(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() throws Exception {
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).header("Idempotency-Key", "k-2")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"gina\",\"displayName\":\"Gina\",\"password\":\"a long enough password\",\"roles\":[\"AGENT\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).header("Idempotency-Key", "k-2")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"hans\",\"displayName\":\"Hans\",\"password\":\"a long enough password\",\"roles\":[\"AGENT\"]}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(users.byUsername("hans")).isEmpty();
    }

    @Test
    void invalidInputNamesEveryField() throws Exception {
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"\",\"displayName\":\"X\",\"password\":\"short\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')]").exists());
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() throws Exception {
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request body"));
    }

    @Test
    void aTakenUsernameIsAConflict() throws Exception {
        mvc.perform(post("/api/v1/users").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"root\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"AGENT\"]}"))
                .andExpect(status().isConflict());
    }
}
