package nl.buitenin.journey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.access.Scope;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;

import picocli.CommandLine;
import nl.buitenin.testing.Unique;

/** The command line sends a CSV to a real server over HTTP, twice: the second run creates nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportInteractionsCommandTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void importsARepeatableCsvAndNamesTheBadRowByLineAndColumn() throws IOException {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Klacht"), Unique.name("Complaint")));
        StageId stage = journeys.addStage(journey, new Names("Melden", "Report"));
        TouchpointId chat = journeys.addTouchpoint(stage, new Names("Chat", "Chat"), Channel.CHAT, null);
        String key = apiKeys.issue("cli", Set.of(Scope.INGEST), null).plainText();
        StringBuilder csv = new StringBuilder("sourceId,touchpoint,at,person,kind\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("cli-").append(i).append(',').append(chat).append(",2026-01-0").append(1 + i % 9).append("T10:00:00Z,,contact\n");
        }
        csv.append("cli-bad,").append(chat).append(",31-12-2025 10:00,,contact\n");
        Path file = Files.writeString(dir.resolve("interactions.csv"), csv);

        StringWriter out = new StringWriter();
        assertThat(run(out, file.toString(), "--url", "http://localhost:" + port, "--api-key", key, "--batch", "1000")).isEqualTo(1);
        assertThat(out.toString()).contains("2501 rows read: 2500 created, 0 already known, 1 rows rejected.")
                .contains("line 2502, column at: '31-12-2025 10:00' is not a time with an offset");

        StringWriter again = new StringWriter();
        assertThat(run(again, file.toString(), "--url", "http://localhost:" + port, "--api-key", key)).isEqualTo(1);
        assertThat(again.toString()).contains("0 created, 2500 already known");
        assertThat(jdbc.sql("select count(*) from interaction where touchpoint_id = :t").param("t", chat.value())
                .query(Long.class).single()).isEqualTo(2500);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = new CommandLine(new ImportInteractionsCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }
}
