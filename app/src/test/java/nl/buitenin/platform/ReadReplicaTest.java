package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreScale;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.internal.replica.ReplicaMonitor;
import nl.buitenin.testing.StreamingReplica;
import nl.buitenin.testing.TestDatabaseInitializer;
import nl.buitenin.testing.Unique;

/**
 * The read replica against a real one: a PostgreSQL primary and its streaming replica on loopback
 * ({@link StreamingReplica}: initdb, pg_basebackup -R). Answers written on the primary reach the journey map through the
 * replica; with the replica's replay paused the map keeps showing the replica's older figures (so it really reads
 * there) until the lag passes the limit, then the primary's; after the replica caught up the map reads it again; with
 * the replica stopped the map is read from the primary at once, and /actuator/info says so.
 */
@SpringBootTest(properties = {"buitenin.test.keep-datasource=true", "buitenin.db.replica.max-lag=30s",
        // The test measures the lag itself (ReplicaMonitor.check), so that each step knows what the routing knows.
        "buitenin.db.replica.check-interval=1h", "buitenin.access.public-requests-per-minute=1000000"})
@AutoConfigureMockMvc
@DirtiesContext
class ReadReplicaTest {

    static StreamingReplica servers;

    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreHistograms histograms;
    @Autowired
    ReplicaMonitor monitor;

    /**
     * The servers stop when the JVM ends: the application context is closed by {@code @DirtiesContext} after this class
     * (its jobs and event registry use the primary until then), later than an {@code @AfterAll} method would run.
     */
    @BeforeAll
    static void startPrimaryAndReplica() {
        servers = StreamingReplica.start();
        StreamingReplica started = servers;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> servers.primaryUrl());
        properties.add("spring.datasource.username", () -> servers.user());
        properties.add("spring.datasource.password", () -> "");
        properties.add("buitenin.db.replica.url", () -> servers.replicaUrl());
        properties.add("buitenin.db.replica.username", () -> servers.user());
        properties.add("buitenin.secret", () -> TestDatabaseInitializer.TEST_SECRET);
        properties.add("buitenin.data-dir", () -> System.getProperty("java.io.tmpdir") + "/buitenin-test");
    }

    @Test
    void theMapIsReadFromTheReplicaWithinItsLagAndFromThePrimaryOtherwise() throws Exception {
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + Unique.name("Replica") + "\",\"nameEn\":\"" + Unique.name("Replica") + "\"}");
        String stage = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Book\"}");
        TouchpointId phone = TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"Telefoon\",\"nameEn\":\"Phone\",\"channel\":\"PHONE\"}"));
        LocalDate day = LocalDate.of(2026, 2, 4);
        answers(phone, day, 40);
        // And as many in the last weeks, for the scores on the start page (its last 12 weeks).
        LocalDate recent = LocalDate.now().minusDays(2);
        answers(phone, recent, 40);

        caughtUp();
        long onReplica = monitor.readsOnReplica();
        assertThat(map()).contains("n = 40");
        assertThat(monitor.readsOnReplica()).isEqualTo(onReplica + 1);
        assertThat(home()).contains("n = 40");

        // Replay paused: the primary has 50 answers, the replica still 40, and within the limit the map shows 40.
        servers.replay(false);
        answers(phone, day, 10);
        answers(phone, recent, 10);
        assertThat(onPrimary(phone, day)).isEqualTo(50);
        assertThat(monitor.check().use()).isEqualTo(ReplicaMonitor.Use.REPLICA);
        assertThat(map()).contains("n = 40").doesNotContain("n = 50");
        // The start page's scores too are read on the replica.
        long homeOnReplica = monitor.readsOnReplica();
        assertThat(home()).contains("n = 40").doesNotContain("n = 50");
        assertThat(monitor.readsOnReplica()).isGreaterThan(homeOnReplica);

        // Once the replica is further behind than 30 s (the default limit), the map is read from the primary.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> monitor.check().use() == ReplicaMonitor.Use.BEHIND);
        assertThat(monitor.status().lag()).isGreaterThan(Duration.ofSeconds(30));
        long onPrimary = monitor.readsOnPrimary();
        assertThat(map()).contains("n = 50");
        assertThat(monitor.readsOnPrimary()).isEqualTo(onPrimary + 1);
        assertThat(home()).contains("n = 50");

        // Replay resumed: caught up, the map is read from the replica again, now with 50.
        servers.replay(true);
        caughtUp();
        onReplica = monitor.readsOnReplica();
        assertThat(map()).contains("n = 50");
        assertThat(monitor.readsOnReplica()).isEqualTo(onReplica + 1);

        // The replica stops: the next read already goes to the primary, before any scheduled check.
        servers.stopReplica();
        onPrimary = monitor.readsOnPrimary();
        assertThat(map()).contains("n = 50");
        assertThat(monitor.readsOnPrimary()).isEqualTo(onPrimary + 1);
        assertThat(monitor.status().use()).isEqualTo(ReplicaMonitor.Use.UNREACHABLE);
        String info = mvc.perform(get("/actuator/info").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(info, "$.replica.reads")).isEqualTo("primary");
        assertThat(JsonPath.<String>read(info, "$.replica.state")).isEqualTo("UNREACHABLE");
        // Writes never needed the replica.
        answers(phone, day, 1);
        assertThat(onPrimary(phone, day)).isEqualTo(51);
    }

    /**
     * The replica has replayed all the primary wrote (each answer above is a transaction of its own), and the application
     * reads from it. A lag of zero alone is not enough: it is also zero while the replica is still replaying such a
     * stream (its last replayed commit a moment old), and the start page once showed "fewer than 5 people" for 40
     * answers of which the replica had replayed a few.
     */
    private void caughtUp() {
        servers.awaitReplayed(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ReplicaMonitor.Status status = monitor.check();
            return status.use() == ReplicaMonitor.Use.REPLICA && Duration.ZERO.equals(status.lag());
        });
    }

    private void answers(TouchpointId touchpoint, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            histograms.record(touchpoint, day, "nps", ScoreScale.NPS, i % 2 == 0 ? 10 : 7);
        }
    }

    /** Read outside ReplicaReads, so on the primary. */
    private long onPrimary(TouchpointId touchpoint, LocalDate day) {
        return histograms.summarise(new ScoreQuery(Set.of(touchpoint), day, day, null, Grouping.TOTAL, true)).stream()
                .mapToLong(slice -> slice.histogram().n()).sum();
    }

    private String map() throws Exception {
        return mvc.perform(get("/insight/journey-map").param("view", "table").param("from", "2026-02-01").param("to", "2026-02-28")
                        .with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The start page of an analyst, with the scores of the last 12 weeks per journey. */
    private String home() throws Exception {
        return mvc.perform(get("/").with(user("anouk").roles("ANALYST")).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
