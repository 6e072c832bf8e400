package nl.buitenin.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Buitenin jar ({@code serve}) as a separate operating-system process on a fixed port, so that it can
 * be killed with SIGKILL and started again on the same database. Its output goes to one log file across restarts.
 */
final class ServerProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password '([^']+)'");

    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    ServerProcess(Path jar, Map<String, String> environment, Path log) {
        this.jar = jar;
        this.environment = environment;
        this.port = freePort();
        this.log = log;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The operating-system process id of the running server (it names the node in the outbox's claims). */
    long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    /** Starts the server and waits until it answers as ready. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start matters more here than peak speed; the heap is kept small for a shared machine
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "serve", "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the settings the test gives: no BUITENIN_* of the machine running the build leaks in.
        builder.environment().keySet().removeIf(name -> name.startsWith("BUITENIN_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        process = builder.start();
        starts++;
        waitUntilReady();
    }

    /** SIGKILL (on Linux {@code destroyForcibly} sends it): no shutdown hook, no graceful close of the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die of SIGKILL within 30 s");
        }
    }

    /** SIGTERM: the graceful shutdown, which closes the database. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The first administrator's one-time password, printed by the first start of an empty instance. */
    String oneTimeAdminPassword() throws IOException {
        Matcher matcher = ONE_TIME_PASSWORD.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalStateException("no one-time admin password in the server log " + log);
        }
        return matcher.group(1);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void waitUntilReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " during start-up:\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
