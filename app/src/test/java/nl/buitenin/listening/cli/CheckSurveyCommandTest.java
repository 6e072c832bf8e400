package nl.buitenin.listening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CheckSurveyCommandTest {

    @TempDir
    Path folder;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine commandLine = new CommandLine(new CheckSurveyCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void plainTextWithABiasedQuestionExitsWithOneAndNamesTheLine() throws Exception {
        Path file = Files.writeString(folder.resolve("questions.txt"), """
                # Buitenpad evaluation
                Wat zou u willen dat wij anders doen?
                Hoe tevreden bent u over onze uitstekende service?
                How would you rate the hotel? | Excellent; Very good; Good; Fair
                """, StandardCharsets.UTF_8);
        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("line 3 [nl] Hoe tevreden bent u over onze uitstekende service?")
                .contains("LEADING").contains("try: Hoe tevreden bent u over onze service?")
                .contains("line 4 [en]").contains("UNBALANCED_SCALE").doesNotContain("line 2");
    }

    @Test
    void cleanQuestionsExitWithZero() throws Exception {
        Path file = Files.writeString(folder.resolve("clean.txt"), "What would you like us to do differently?\nHoe tevreden bent u over de reis?\n");
        assertThat(run(file.toString())).isZero();
        assertThat(out.toString()).contains("No findings.");
    }

    @Test
    void aJsonSurveyIsCheckedInBothLanguagesAndCanBePrintedAsJson() throws Exception {
        Path file = Files.writeString(folder.resolve("survey.json"), """
                {"format":"buitenin-survey/1",
                 "title":{"nl":"Na de reis","en":"After the trip"},
                 "questions":[{"key":"speed","type":"CSAT",
                   "text":{"nl":"Hoe tevreden bent u over de snelheid en vriendelijkheid van de gids?",
                           "en":"How satisfied are you with the guide?"}}],
                 "closing":{"nl":"Dank u. We lezen elk antwoord.","en":"Thank you. We read every answer."}}
                """);
        assertThat(run("--json", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"code\" : \"DOUBLE_BARRELLED\"").contains("\"where\" : \"questions[0] (speed)\"")
                .contains("\"language\" : \"nl\"").doesNotContain("\"language\" : \"en\"");
    }

    @Test
    void anUnreadableOrInvalidFileExitsWithTwoAndSaysWhy() throws Exception {
        assertThat(run(folder.resolve("missing.txt").toString())).isEqualTo(2);
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"title\": {\"nl\": \"x\"\n, \"questions\": [}");
        assertThat(run(broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 2");
        Path invalid = Files.writeString(folder.resolve("invalid.json"), "{\"title\":{\"nl\":\"Titel\"},\"questions\":[]}");
        assertThat(run(invalid.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("title.en").contains("questions").contains("closing.nl");
        assertThat(run("--lang", "fr", invalid.toString())).isEqualTo(2);
    }
}
