package nl.buitenin.listening.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin import-answers export.csv --survey <id> --format qualtrics --url ... --api-key bk_...}: imports the
 * answers of another tool's export into a survey version on a running Buitenin. The server checks every row first;
 * the writing is then followed with a progress bar. Running it again with the same file adds nothing.
 */
@Command(name = "import-answers", mixinStandardHelpOptions = true,
        description = {"Import answers from a Qualtrics, SurveyMonkey or Google Forms CSV export (or a plain CSV) into a survey version.",
                "Without --mapping the columns are matched to the questions by their text (or the mapping saved the last time is used);",
                "--suggest prints that mapping as JSON, to correct and pass back with --mapping.",
                "Exit code 0 when every row was taken, 1 when rows were rejected (listed by line and column), 2 on bad usage."})
public class ImportAnswersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--survey", required = true, description = "the id of the survey version to import into")
    String survey;

    @Option(names = "--format", required = true, description = "qualtrics, surveymonkey, googleforms or plain")
    String format;

    @Option(names = "--mapping", description = "a JSON file with the column mapping (see --suggest)")
    Path mapping;

    @Option(names = "--suggest", description = "only print the suggested mapping and stop")
    boolean suggest;

    @Option(names = "--take-valid-rows", description = "take the valid rows and list the rejected ones (default: take nothing when a row is wrong)")
    boolean takeValidRows;

    @Option(names = "--url", required = true, description = "the server, such as http://localhost:8080")
    String url;

    @Option(names = "--api-key", required = true, description = "an API key with the INGEST right (bk_...)", defaultValue = "${env:BUITENIN_API_KEY}")
    String apiKey;

    @Spec
    CommandSpec spec;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Made when the command runs, not when it is registered: a client sets up TLS, which {@code --help} need not wait for. */
    private HttpClient client;

    @Override
    public Integer call() {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String base = url.replaceAll("/+$", "") + "/api/v1/surveys/" + survey + "/answer-imports";
        try {
            String csv = CsvInput.text(Files.readAllBytes(file));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("format", format);
            body.put("csv", csv);
            if (suggest) {
                JsonNode suggestion = call("POST", base + "/suggestion", json.writeValueAsString(body), 200);
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(suggestion.get("mapping")));
                out.flush();
                return 0;
            }
            if (mapping != null) {
                body.put("mapping", json.readTree(Files.readString(mapping, StandardCharsets.UTF_8)));
            }
            body.put("takeValidRows", takeValidRows);
            HttpResponse<String> started = send("POST", base, json.writeValueAsString(body));
            if (started.statusCode() == 400) {
                return rejected(out, json.readTree(started.body()));
            }
            if (started.statusCode() != 202) {
                throw new ImportFailed(base + " answered " + started.statusCode() + ": " + started.body());
            }
            JsonNode progress = follow(base + "/" + json.readTree(started.body()).get("id").asString(), json.readTree(started.body()));
            return report(out, progress);
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return 2;
        } catch (ImportFailed e) {
            err.println(e.getMessage());
            return 2;
        } catch (InvalidInputException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
    }

    /** Polls the import until it is finished, showing how many rows were written. */
    private JsonNode follow(String address, JsonNode progress) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Answers").setInitialMax(Math.max(1, progress.get("total").asInt()))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            JsonNode now = progress;
            while ("RUNNING".equals(now.get("status").asString())) {
                bar.stepTo(now.get("done").asInt());
                sleep();
                now = call("GET", address, null, 200);
            }
            bar.stepTo(bar.getMax());
            return now;
        }
    }

    private int report(PrintWriter out, JsonNode progress) {
        JsonNode result = progress.get("result");
        if (!"DONE".equals(progress.get("status").asString())) {
            result.get("errors").forEach(e -> out.println(e.get("message").asString()));
            out.flush();
            return 2;
        }
        out.printf("%d rows read: %d created, %d already imported, %d rows rejected, %d not finished (skipped).%n",
                result.get("rows").asInt(), result.get("created").asInt(), result.get("duplicates").asInt(), result.get("rejected").asInt(),
                result.get("skipped").asInt());
        if (result.get("pastRetention").asInt() > 0) {
            out.printf("%d rows skipped: past retention (their answers were imported before and have been anonymised).%n",
                    result.get("pastRetention").asInt());
        }
        if (result.get("forgotten").asInt() > 0) {
            out.printf("%d rows skipped: the person was forgotten at their request.%n", result.get("forgotten").asInt());
        }
        result.get("errors").forEach(e -> out.println(e.get("message").asString()));
        out.flush();
        return result.get("rejected").asInt() == 0 ? 0 : 1;
    }

    private int rejected(PrintWriter out, JsonNode problem) {
        out.println("Nothing was imported:");
        problem.get("errors").forEach(e -> out.println(e.get("field").asString() + ": " + e.get("message").asString()));
        out.println("Correct the file or the mapping, or use --take-valid-rows to take the other rows.");
        out.flush();
        return 1;
    }

    private JsonNode call(String method, String address, String body, int expected) {
        HttpResponse<String> response = send(method, address, body);
        if (response.statusCode() != expected) {
            throw new ImportFailed(address + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String address, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "application/json")
                // The tool speaks English, so the problems it prints are asked for in English too.
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ImportFailed("cannot reach " + address + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("interrupted");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailed("interrupted");
        }
    }

    private static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }
    }
}
