package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code buitenin <command> --help} prints its usage, and nothing else: picocli formats descriptions
 * with {@code String.format} and warns on standard error about a lone {@code %} (write {@code %%}).
 */
class CliHelpTest {

    record Printed(int exit, String out, String err) {
    }

    static Printed run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Cli.run(args);
            return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Every command of the jar, as typed: the server commands and each tool. */
    static List<String> commands() {
        CommandLine all = new CommandLine(new Cli());
        CliTools.all().forEach(all::addSubcommand);
        // A command without --help would hand it on (serve and demo give unknown options to Spring Boot and start).
        all.getSubcommands().forEach((name, command) ->
                assertThat(command.getCommandSpec().optionsMap()).as(name + " has --help").containsKey("--help"));
        return new ArrayList<>(all.getSubcommands().keySet());
    }

    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
        List<String> commands = commands();
        assertThat(commands).contains("serve", "demo", "staffing", "score", "check-survey", "forecast", "simulate-policy");
        for (String command : commands) {
            Printed help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: buitenin " + command);
            assertThat(help.err()).as(command).doesNotContain("WARN").isEmpty();
            assertThat(help.out()).as(command).doesNotContain("WARN").doesNotContain("%n");
        }
        Printed top = run("--help");
        assertThat(top.err()).isEmpty();
        assertThat(top.out()).contains("Usage: buitenin").contains("staffing");
    }

    @Test
    void theStaffingHelpShowsItsPercentagesOnce() {
        Printed help = run("staffing", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("such as 85% (default 100%)").contains("such as 30% (default 0%)");
    }
}
