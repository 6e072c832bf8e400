package nl.buitenin.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "buitenin.test.public-rate=5")
@AutoConfigureMockMvc
class PublicRateLimitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAnonymousClientIsSlowedDownAfterItsQuota() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/login").with(r -> { r.setRemoteAddr("192.0.2.10"); return r; })).andExpect(status().isOk());
        }
        mvc.perform(get("/login").with(r -> { r.setRemoteAddr("192.0.2.10"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
        // Another address still gets in, and so does a signed-in user from the limited one.
        mvc.perform(get("/login").with(r -> { r.setRemoteAddr("192.0.2.11"); return r; })).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(user("someone").roles("ANALYST")).with(r -> { r.setRemoteAddr("192.0.2.10"); return r; }))
                .andExpect(status().is(org.hamcrest.Matchers.not(429)));
    }
}
