package nl.buitenin.journey.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.journey.internal.InteractionCsv;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.journey.internal.InteractionInput;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code buitenin import-interactions FILE.csv --url https://buitenin.example.nl --api-key bk_...}: sends a
 * CSV of interactions to a running Buitenin in batches through the REST API. Every batch is idempotent
 * by source id, so an interrupted import can simply be run again; the report names every rejected row
 * by line and column.
 */
@Command(name = "import-interactions", mixinStandardHelpOptions = true,
        description = {"Send interactions from a CSV file (header: sourceId,touchpoint,at,person,kind,reason,reasonCode,staff,team; the last six optional) to a Buitenin server.",
                "Rows already sent (same sourceId) are not counted twice, so the import can be repeated safely.",
                "Exit code 0 when every row was taken, 1 when rows were rejected (listed by line and column), 2 on bad usage."})
public class ImportInteractionsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--url", required = true, description = "the server, such as http://localhost:8080")
    String url;

    @Option(names = "--api-key", required = true, description = "an API key with the INGEST right (bk_...)",
            defaultValue = "${env:BUITENIN_API_KEY}")
    String apiKey;

    @Option(names = "--batch", defaultValue = "1000", description = "rows per request (default ${DEFAULT-VALUE}, at most 10000)")
    int batchSize;

    @Spec
    CommandSpec spec;

    private final JsonMapper json = JsonMapper.builder().build();

    record Batch(List<InteractionInput> items) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batchSize < 1 || batchSize > 10_000) {
            err.println("--batch must be between 1 and 10000");
            return 2;
        }
        InteractionCsv.Read read;
        try (Reader reader = CsvInput.utf8(Files.newInputStream(file))) {
            read = InteractionCsv.read(reader);
        } catch (InvalidInputException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 2;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI endpoint = URI.create(url.replaceAll("/+$", "") + "/api/v1/interactions");
        int created = 0;
        int duplicates = 0;
        List<String> rejected = new ArrayList<>();
        List<InteractionCsv.Row> rows = read.rows();
        read.misfits().forEach(m -> rejected.add("line " + m.line() + ", row: " + m.error().message()));
        if (!read.unknownColumns().isEmpty()) {
            err.println("Columns not read (not one of " + String.join(",", InteractionCsv.COLUMNS) + "): "
                    + String.join(", ", read.unknownColumns()));
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Interactions").setInitialMax(rows.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
            for (int start = 0; start < rows.size(); start += batchSize) {
                List<InteractionCsv.Row> chunk = rows.subList(start, Math.min(rows.size(), start + batchSize));
                IngestReport report = send(client, endpoint, chunk, err);
                created += report.created();
                duplicates += report.duplicates();
                for (IngestReport.ItemOutcome item : report.items()) {
                    if (item.status() == IngestReport.Status.REJECTED) {
                        long line = chunk.get(item.index()).line();
                        item.errors().forEach(e -> rejected.add("line " + line + ", column " + e.field() + ": " + e.message()));
                    }
                }
                bar.stepBy(chunk.size());
            }
        } catch (ImportFailed e) {
            err.println(e.getMessage());
            out.printf("Before the failure: %d created, %d already known. Run the same command again to continue.%n", created, duplicates);
            return 2;
        }
        out.printf("%d rows read: %d created, %d already known, %d rows rejected.%n", read.rowCount(), created, duplicates,
                rejected.stream().map(r -> r.substring(0, r.indexOf(','))).distinct().count());
        rejected.forEach(out::println);
        out.flush();
        return rejected.isEmpty() ? 0 : 1;
    }

    /** How often one batch is sent again while the server answers 503 (at its Retry-After of 5 s: ten minutes). */
    private static final int BUSY_TRIES = 120;

    private IngestReport send(HttpClient client, URI endpoint, List<InteractionCsv.Row> chunk, PrintWriter err) {
        String body = json.writeValueAsString(new Batch(chunk.stream().map(InteractionCsv.Row::input).toList()));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                // The tool speaks English, so the rejected rows it prints are asked for in English too.
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // 503 is back-pressure: the server stored nothing of the batch and says when to send it again.
            for (int tries = 1; response.statusCode() == 503 && tries <= BUSY_TRIES; tries++) {
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
                err.println("The server is still busy with earlier data; sending the batch again in " + seconds + " s.");
                err.flush();
                Thread.sleep(seconds * 1000);
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            if (response.statusCode() != 200) {
                throw new ImportFailed(endpoint + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readValue(response.body(), IngestReport.class);
        } catch (IOException e) {
            throw new ImportFailed("cannot reach " + endpoint + ": " + e.getMessage());
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
