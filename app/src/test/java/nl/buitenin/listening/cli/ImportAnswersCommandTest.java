package nl.buitenin.listening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.imports.ImportFixtures;

import picocli.CommandLine;

/** The command line imports a SurveyMonkey export into a real server over HTTP, twice: the second run adds nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportAnswersCommandTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void importsASurveyMonkeyExportOnceAndRefusesABadFileWithLineAndColumn() throws IOException {
        Survey survey = Survey.draft(ImportFixtures.walkEvaluation(List.of(new TouchpointId(UUID.randomUUID()))), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        String key = apiKeys.issue("answers-cli", Set.of(Scope.INGEST), null).plainText();
        Path file = Files.writeString(dir.resolve("monkey.csv"), ImportFixtures.text("surveymonkey-fabricated.csv"));
        String[] common = {"--survey", survey.id().toString(), "--url", "http://localhost:" + port, "--api-key", key};

        StringWriter suggestion = new StringWriter();
        assertThat(run(suggestion, concat(new String[] {file.toString(), "--format", "surveymonkey", "--suggest"}, common))).isZero();
        assertThat(suggestion.toString()).contains("\"responseId\" : \"Respondent ID\"").contains("Wat heeft u onderweg gebruikt? / Bagagevervoer");
        Path mapping = Files.writeString(dir.resolve("mapping.json"), suggestion.toString());

        StringWriter out = new StringWriter();
        assertThat(run(out, concat(new String[] {file.toString(), "--format", "surveymonkey", "--mapping", mapping.toString()}, common))).isZero();
        assertThat(out.toString()).contains("3 rows read: 3 created, 0 already imported, 0 rows rejected");

        StringWriter again = new StringWriter();
        assertThat(run(again, concat(new String[] {file.toString(), "--format", "surveymonkey"}, common))).isZero();
        assertThat(again.toString()).contains("3 rows read: 0 created, 3 already imported");
        assertThat(jdbc.sql("select count(*) from listening_response where survey_id = :s").param("s", survey.id().value())
                .query(Long.class).single()).isEqualTo(3);

        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,at,nps\nx-1,2026-03-02 10:00:00,8\nx-2,2026-03-02 10:00:00,11\n");
        StringWriter refused = new StringWriter();
        assertThat(run(refused, concat(new String[] {bad.toString(), "--format", "plain"}, common))).isEqualTo(1);
        assertThat(refused.toString()).contains("Nothing was imported").contains("line 3, column nps: 11 is outside 0–10");
        assertThat(jdbc.sql("select count(*) from listening_response where survey_id = :s").param("s", survey.id().value())
                .query(Long.class).single()).isEqualTo(3);
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = new CommandLine(new ImportAnswersCommand());
        commandLine.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        if (code == 2) {
            System.err.println(err);
        }
        return code;
    }
}
