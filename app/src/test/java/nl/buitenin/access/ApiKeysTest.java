package nl.buitenin.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class ApiKeysTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyMayDoWhatItsScopesAllowAndNothingElse() throws Exception {
        String key = apiKeys.issue("reader", Set.of(Scope.READ), null).plainText();
        mvc.perform(get("/api/v1/organisation").header("Authorization", "Bearer " + key)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + key)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key)).andExpect(status().isForbidden());
    }

    @Test
    void aRevokedOrForgedKeyIsUnauthorised() throws Exception {
        var issued = apiKeys.issue("to revoke", Set.of(Scope.READ), null);
        apiKeys.revoke(issued.key().id());
        mvc.perform(get("/api/v1/organisation").header("Authorization", "Bearer " + issued.plainText()))
                .andExpect(status().isUnauthorized());
        String forged = issued.plainText().substring(0, issued.plainText().length() - 4) + "0000";
        mvc.perform(get("/api/v1/organisation").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
    }

    @Test
    void theDatabaseHoldsNoUsableKey() {
        String key = apiKeys.issue("secret", Set.of(Scope.INGEST), null).plainText();
        List<String> stored = jdbc.sql("select key_prefix || ' ' || secret_hash from api_key").query(String.class).list();
        assertThat(stored).noneMatch(row -> row.contains(key.substring(12)));
    }

    @Test
    void aKeyNeedsANameAndAScope() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> apiKeys.issue(" ", Set.of(), null))
                .hasMessageContaining("name");
    }
}
