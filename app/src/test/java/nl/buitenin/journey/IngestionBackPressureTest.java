package nl.buitenin.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import picocli.CommandLine;

import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.cli.ImportInteractionsCommand;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.access.Scope;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.testing.Unique;

/**
 * Back-pressure on the ways in: while the listeners' queue is at its limit a batch waits, and after the wait it is
 * refused with 503 and Retry-After, storing nothing; once the listeners catch up within the wait, the batch goes in.
 * The listeners' threads are held by the test, so the queue cannot drain unless the test lets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "buitenin.events.backlog=2", "buitenin.events.backlog-wait=PT1S" })
@AutoConfigureMockMvc
class IngestionBackPressureTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    EventBacklog backlog;
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    final CountDownLatch hold = new CountDownLatch(1);
    String ingestKey;
    String touchpoint;

    @BeforeEach
    void oneTouchpoint() {
        ingestKey = apiKeys.issue("till " + UUID.randomUUID(), Set.of(Scope.INGEST, Scope.READ), null).plainText();
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Boeken"), Unique.name("Booking")));
        StageId stage = journeys.addStage(journey, new Names("Boeken", "Book"));
        touchpoint = journeys.addTouchpoint(stage, new Names("Winkel", "Shop"), Channel.LOCATION, "Utrecht").value().toString();
    }

    @AfterEach
    void letGo() {
        hold.countDown();
    }

    @Test
    void aBatchWaitsForRoomAndIsRefusedWith503WhenTheListenersDoNotCatchUp() throws Exception {
        fillTheListenersQueue();
        String tag = UUID.randomUUID().toString();

        send(tag).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(1))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("van dit verzoek is niets opgeslagen")));
        assertThat(stored(tag)).isZero();

        // Answers take the same road in (and the same wait): refused before their items are even read.
        mvc.perform(post("/api/v1/answers").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[{\"sourceId\":\"x\"}]}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing of this request was stored")));
    }

    @Test
    void aBatchThatWaitedGoesInOnceTheListenersCatchUp() throws Exception {
        fillTheListenersQueue();
        String tag = UUID.randomUUID().toString();
        AtomicBoolean released = new AtomicBoolean();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            released.set(true);
            hold.countDown();
        });
        later.start();

        send(tag).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));

        assertThat(released).as("the batch went in only after the listeners' threads were let go").isTrue();
        assertThat(stored(tag)).isEqualTo(1);
        later.join();
    }

    @Test
    void theCommandLineSendsARefusedBatchAgainAfterRetryAfter(@TempDir Path dir) throws Exception {
        fillTheListenersQueue();
        String tag = UUID.randomUUID().toString();
        Path file = Files.writeString(dir.resolve("interactions.csv"),
                "sourceId,touchpoint,at,person,kind\n" + tag + "," + touchpoint + ",2026-03-02T09:00:00Z,,visit\n");
        // The listeners catch up only once the command has been told to wait: the first try is refused for certain.
        StringWriter told = new StringWriter() {
            @Override
            public void write(String text, int off, int len) {
                super.write(text, off, len);
                if (toString().contains("still busy")) {
                    hold.countDown();
                }
            }
        };
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ImportInteractionsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(told, true));

        int exit = command.execute(file.toString(), "--url", "http://localhost:" + port, "--api-key", ingestKey);

        assertThat(told.toString()).contains("The server is still busy with earlier data; sending the batch again in 1 s.");
        assertThat(out.toString()).contains("1 rows read: 1 created, 0 already known, 0 rows rejected.");
        assertThat(exit).isZero();
        assertThat(stored(tag)).isEqualTo(1);
    }

    /** Every listener thread held, and the queue behind them at the limit of 2. */
    private void fillTheListenersQueue() throws InterruptedException {
        int threads = listeners.getCorePoolSize();
        CountDownLatch running = new CountDownLatch(threads);
        for (int i = 0; i < threads + 2; i++) {
            listeners.execute(() -> {
                running.countDown();
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(backlog.queued()).isGreaterThanOrEqualTo(2);
    }

    private ResultActions send(String tag) throws Exception {
        String item = "{\"sourceId\":\"" + tag + "\",\"touchpoint\":\"" + touchpoint + "\",\"at\":\"2026-03-02T09:00:00Z\",\"kind\":\"visit\"}";
        return mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + ingestKey).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[" + item + "]}"));
    }

    private long stored(String tag) {
        return jdbc.sql("select count(*) from interaction where source_id = :t").param("t", tag).query(Long.class).single();
    }
}
