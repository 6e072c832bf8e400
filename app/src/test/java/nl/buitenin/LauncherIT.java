package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's launcher ({@code ./buitenin}) runs a tool on a file named relative to where the command was typed,
 * not relative to the launcher's own directory, and the server with the options of {@code jvm/server.options}. Runs after {@code package} (failsafe), when the jar the launcher
 * starts is fresh, so it does not build.
 */
class LauncherIT {

    static final Path LAUNCHER = Path.of("..", "buitenin").toAbsolutePath().normalize();

    @Test
    void aToolReadsAFileRelativeToWhereItWasStarted(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("comments.csv"), "id,text\n1,De gids was echt geweldig!\n", StandardCharsets.UTF_8);

        Run run = run(elsewhere, "sentiment", "comments.csv");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("id,text,sentiment,label").contains(",positive");
    }

    @Test
    void aMissingFileIsNamedAsTyped(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, "sentiment", "missing.csv");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("missing.csv");
    }

    @Test
    void theServerStartsWithTheOptionsOfItsFileAndJavaOptsAfterThem(@TempDir Path elsewhere) throws Exception {
        // `serve --help` starts the server's JVM and ends at once; the JVM prints the options it was given.
        Run shipped = run(elsewhere, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "serve", "--help");
        Run overridden = run(elsewhere, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx1g -Xmn256m"), "serve", "--help");
        Run tool = run(elsewhere, Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "staffing", "--help");

        assertThat(shipped.exit()).as(shipped.output()).isZero();
        assertThat(shipped.output()).contains("Usage: buitenin serve")
                .contains("-XX:MaxHeapSize=" + 2L * 1024 * 1024 * 1024).contains("-XX:MaxNewSize=" + 1024L * 1024 * 1024);
        assertThat(overridden.output()).contains("-XX:MaxHeapSize=" + 1024L * 1024 * 1024).contains("-XX:MaxNewSize=" + 256L * 1024 * 1024);
        // The offline tools keep their own options (short runs): not the server's heap.
        assertThat(tool.exit()).as(tool.output()).isZero();
        assertThat(tool.output()).doesNotContain("-XX:MaxNewSize=" + 1024L * 1024 * 1024).contains("-XX:+UseSerialGC");
    }

    record Run(int exit, String output) {
    }

    static Run run(Path directory, String... arguments) throws IOException, InterruptedException {
        return run(directory, Map.of(), arguments);
    }

    static Run run(Path directory, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = LAUNCHER.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Run(process.exitValue(), output);
    }
}
