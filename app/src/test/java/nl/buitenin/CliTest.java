package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void helpListsTheServerCommands() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Cli.run(new String[] {"--help"})).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve").contains("demo").contains("migrate-to-postgres");
    }

    @Test
    void unknownCommandFails() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(Cli.run(new String[] {"no-such-command"})).isNotZero();
        } finally {
            System.setErr(original);
        }
    }
}
