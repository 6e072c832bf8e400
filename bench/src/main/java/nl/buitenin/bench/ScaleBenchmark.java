package nl.buitenin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.buitenin.demand.internal.volume.InteractionCounts;
import nl.buitenin.insight.ScoreHistograms;

/**
 * Issue 20's scale benchmark, on one embedded PostgreSQL (zonky, the tests' server) in a directory of its own:
 * <ol>
 * <li>loads 50 million interactions and 10 million scored answers (two years, 20 touchpoints, three surveys) with COPY
 * into the schema the application migrated, and the roll-ups the application keeps for them through the application's
 * own writers: demand's interval counts ({@code InteractionCounts.countAll}) and insight's score histograms
 * ({@code ScoreHistograms.recordAll}); then checks both against a count and a GROUP BY of the raw rows;</li>
 * <li>starts the application as a process of its own ({@code java -Xmx512m -Xlog:gc*}) on that database and times, warm,
 * the journey map page and the scores API (p50 and p99), each against a plain API read as baseline;</li>
 * <li>times ingestion at that size: {@code POST /api/v1/interactions} and {@code /api/v1/answers} against COPY of the
 * same kind of rows, alternating;</li>
 * <li>times the Kafka path (a KRaft broker in this JVM, spring-kafka-test) against the HTTP path for the same number
 * of interactions;</li>
 * <li>reads the largest heap after a collection from the application's GC log.</li>
 * </ol>
 * Run (after {@code ./mvnw -pl app,bench -am package -Dmaven.test.skip=true}): see BENCHMARKS.md,
 * "Scale: 10 million answers and 50 million interactions"; {@code --scale 0.1} is a tenth of the size.
 */
public final class ScaleBenchmark {

    static final String PASSWORD = "schaal-meting-wandelpad-2026";
    static final String USER = "analist-schaal";
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern GC_PAUSE = Pattern.compile("Pause (Young|Full|Remark|Cleanup).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private record Options(double scale, int requests, int ingestRows, int answerRows, int kafkaRows, Path out, Path jar,
            int heapMb, int statements, List<String> appOptions, boolean keepDatabase, Path reuse, int nodes, boolean countRule,
            boolean replica, int replicaRows, double readRate, boolean replicaUnused) {
    }

    /** One application process: its address, its logs and its data directory. */
    record Node(int number, Process process, String base, Path gcLog, Path appLog, Path dataDir) {
    }

    private record Timing(String name, double p50, double p99, double max, int n) {
    }

    public static void main(String[] args) throws Exception {
        double scale = 1.0;
        int requests = 50;
        int ingestRows = 200_000;
        int answerRows = 40_000;
        int kafkaRows = 100_000;
        int heapMb = 512;
        int statements = 0;
        List<String> appOptions = new ArrayList<>();
        Path out = null;
        Path jar = Path.of("app/target/buitenin-exec.jar");
        boolean keepDatabase = false;
        Path reuse = null;
        int nodes = 1;
        boolean countRule = false;
        boolean replica = false;
        int replicaRows = 600_000;
        double readRate = 10;
        boolean replicaUnused = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--ingest-rows" -> ingestRows = Integer.parseInt(args[++i]);
                case "--answer-rows" -> answerRows = Integer.parseInt(args[++i]);
                case "--kafka-rows" -> kafkaRows = Integer.parseInt(args[++i]);
                case "--heap-mb" -> heapMb = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                // A JVM option for the application's process (repeatable), e.g. a flight recording to see where a read's time goes.
                case "--app-option" -> appOptions.add(args[++i]);
                // Keep the loaded database under --out (and its setup) for later runs with --reuse: the load of the full size
                // takes most of an hour, the measurements a few minutes.
                case "--keep-database" -> keepDatabase = true;
                // Measure again on the database a run with --keep-database left in DIR (its --out), without loading.
                case "--reuse" -> reuse = Path.of(args[++i]);
                // Application processes on the one database (as behind a load balancer): the reads go to the first, the
                // ingestion (HTTP and Kafka) to all of them in turn, with two client threads per node.
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                // During the interactions' HTTP phase a group by a rule over a count exists (purchases_12m >= 2, as the demo's
                // "Vaste boekers"): every new interaction's person is then evaluated from their whole history.
                case "--count-rule" -> countRule = true;
                // At the end, a streaming replica of the database (pg_basebackup) and a second node that reads from it: interactions
                // sent to each node in turn while dashboard reads arrive at --read-rate a second, read from the primary by the first
                // node and from the replica by the second (ReadsWhileIngesting).
                case "--replica" -> replica = true;
                case "--replica-rows" -> replicaRows = Integer.parseInt(args[++i]);
                case "--read-rate" -> readRate = Double.parseDouble(args[++i]);
                // The control of --replica: the replica is made and replays, but the second node is not told of it and reads
                // from the primary too; what is left between the nodes is the second node and the replay, not where reads go.
                case "--replica-unused" -> replicaUnused = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see BENCHMARKS.md");
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -pl app,bench -am package -Dmaven.test.skip=true");
        }
        if (reuse != null && !Files.isRegularFile(reuse.resolve(SETUP))) {
            throw new IllegalStateException(reuse.resolve(SETUP) + " is missing: --reuse takes the --out of a run with --keep-database");
        }
        if (replicaUnused && !replica) {
            throw new IllegalArgumentException("--replica-unused goes with --replica");
        }
        if (replica && nodes != 1) {
            throw new IllegalArgumentException("--replica compares one node reading from the primary with one reading from the replica: "
                    + "not with --nodes");
        }
        out = out == null ? Files.createTempDirectory("buitenin-scale") : Files.createDirectories(out);
        new ScaleBenchmark(new Options(scale, requests, ingestRows, answerRows, kafkaRows, out, jar, heapMb, statements,
                List.copyOf(appOptions), keepDatabase, reuse, nodes, countRule, replica, replicaRows, readRate, replicaUnused)).run();
    }

    /** The file, next to the kept database, with what a later run needs from the load (ids, the API key, the period). */
    static final String SETUP = "setup.properties";

    private final Options options;
    /**
     * Every source id this run sends or copies starts with it: a run on a kept database must not send the ids of an earlier
     * run, which the application would take as the same rows sent again (and skip).
     */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /**
     * Where this run's people start among the loaded ones: a run on a kept database takes people no earlier run sent
     * anything for, since their histories would hold an earlier run's rows on the same day and make each run slower
     * than the one before (seen: 9 938, 7 784, 6 793, 5 010 rows/s in four runs with the same people).
     */
    private long personOffset;
    private final Map<String, String> results = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();

    private ScaleBenchmark(Options options) {
        this.options = options;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n", prepend(Instant.now().truncatedTo(ChronoUnit.SECONDS), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void run() throws Exception {
        long interactions = Math.round(50_000_000 * options.scale());
        long answers = Math.round(10_000_000 * options.scale());
        Path kept = options.reuse() != null ? options.reuse() : options.out();
        Path data = kept.resolve("postgres");
        // What the kept database's earlier run saved: read once, for the sizes here and the setup below.
        Properties saved = null;
        if (options.reuse() == null) {
            // zonky initialises an empty directory; one left by an earlier run is not loaded here.
            deleteTree(data);
        } else {
            saved = readSetup(options.reuse());
            interactions = Long.parseLong(saved.getProperty("interactions"));
            answers = Long.parseLong(saved.getProperty("answers"));
            // Each run sends rows for fewer than 100 000 people; 250 000 apart, 16 runs fit in the 4 million loaded.
            int runs = Integer.parseInt(saved.getProperty("runs", "1"));
            personOffset = 250_000L * runs % 4_000_000L;
            saved.setProperty("runs", Integer.toString(runs + 1));
            writeSetup(options.reuse(), saved);
            log("run %d on this database: its people start at number %d", runs + 1, personOffset);
        }
        // The kept database's size, not --scale, when measuring again.
        double scale = interactions / 50_000_000.0;
        log("scale %.4f: %d interactions, %d answers; PostgreSQL in %s%s; load average %.1f on %d cores", scale,
                interactions, answers, data, options.reuse() != null ? " (kept by an earlier run, not loaded again)" : "",
                loadAverage(), Runtime.getRuntime().availableProcessors());
        // Settings of a server that loads in bulk (fewer checkpoints), with commits that wait for the disk as in production.
        // Not zonky's own clean-up: it would delete a directory that --keep-database keeps.
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("max_wal_size", "8GB").setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100");
        if (options.statements() > 0) {
            // The database's own account of each statement's time in the interactions' phase (Statements).
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = server.start();
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, "buitenin.interactions", "buitenin.interactions.dlt",
                "buitenin.answers", "buitenin.answers.dlt", "buitenin.cases.opened", "buitenin.actions.completed",
                "buitenin.responses.completed");
        boolean keep = options.keepDatabase() || options.reuse() != null;
        try {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ScaleLoad.Setup setup;
            if (saved != null) {
                setup = ScaleLoad.Setup.from(saved);
                table.add(String.format(Locale.ROOT, "| load: none, the database kept by an earlier run (%s) | | | | |", options.reuse()));
            } else {
                setup = new ScaleLoad(table).load(url, postgres.getPostgresDatabase(), interactions, answers);
                if (keep) {
                    Properties loaded = setup.properties();
                    loaded.setProperty("interactions", Long.toString(interactions));
                    loaded.setProperty("answers", Long.toString(answers));
                    loaded.setProperty("runs", "1");
                    writeSetup(options.out(), loaded);
                }
            }
            kafka.afterPropertiesSet();
            measureApplication(url, postgres, data, kafka.getBrokersAsString(), setup);
        } finally {
            kafka.destroy();
            postgres.close();
            if (keep) {
                log("the database is kept in %s: measure again with --reuse %s", data, kept);
            } else {
                deleteTree(data);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Scale benchmark, %s UTC: %d interactions, %d answers (scale %.4f); load average %.1f on %d cores%n",
                Instant.now().truncatedTo(ChronoUnit.MINUTES), interactions, answers, scale, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println();
        System.out.println("| figure | value | baseline (same run) | ratio | target |");
        System.out.println("|---|---:|---:|---:|---|");
        table.forEach(System.out::println);
        System.out.println();
        results.values().forEach(System.out::println);
    }

    private static Properties readSetup(Path dir) throws IOException {
        Properties saved = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve(SETUP))) {
            saved.load(reader);
        }
        return saved;
    }

    private static void writeSetup(Path dir, Properties saved) throws IOException {
        try (var writer = Files.newBufferedWriter(dir.resolve(SETUP))) {
            saved.store(writer, "ScaleBenchmark --keep-database: the load's setup, for --reuse " + dir);
        }
    }

    /** The i-th person this run sends or copies rows for. */
    private String person(int i) {
        return ScaleData.person(personOffset + i);
    }

    // ---- 2.-5. the application at that size --------------------------------------------------------------------------

    private void measureApplication(String url, EmbeddedPostgres postgres, Path data, String brokers, ScaleLoad.Setup setup)
            throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (int number = 1; number <= options.nodes(); number++) {
                nodes.add(startNode(number, url, brokers));
            }
            List<String> bases = nodes.stream().map(Node::base).toList();
            String base = bases.get(0);
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            signIn(http, base);
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            Statements statements = new Statements(jdbc, options.statements());
            statements.reset();
            reads(http, base, setup);
            statements.report("warm reads (journey map, scores, their baseline)", options.out().resolve("statements-reads.txt"));
            UUID rule = options.countRule() ? countRule(jdbc) : null;
            try {
                ingest(bases, postgres.getPostgresDatabase(), jdbc, setup, statements);
            } finally {
                if (rule != null) {
                    removeCountRule(jdbc, rule);
                }
            }
            statements.report("interactions (HTTP rounds and COPY rounds)", options.out().resolve("statements-interactions.txt"));
            answers(bases, postgres.getPostgresDatabase(), jdbc, setup);
            kafka(bases, jdbc, brokers, setup);
            if (options.replica()) {
                replica(nodes, url, postgres.getPort(), data, brokers, jdbc, setup);
            }
        } finally {
            for (Node node : nodes) {
                node.process().destroy();
                if (!node.process().waitFor(60, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly().waitFor();
                }
                deleteTree(node.dataDir());
            }
        }
        for (Node node : nodes) {
            heap(node);
        }
    }

    /**
     * Stores an active group by the rule {@code purchases_12m >= 2} straight in the database: through the application, its
     * creation would evaluate it for everybody with an interaction (millions of histories) before the phase. The listener
     * reads the active rules for each event, so it takes it from the next batch on; its members are those the phase makes.
     */
    private static UUID countRule(JdbcTemplate jdbc) {
        UUID id = UUID.randomUUID();
        String name = "Vaste boekers (benchmark " + id.toString().substring(0, 8) + ")";
        jdbc.update("insert into groups_group (id, name_nl, name_en, description_nl, description_en, kind, split, rule_text, active, "
                + "created_at, updated_at) values (?, ?, ?, '', '', 'RULE', null, 'purchases_12m >= 2', true, current_timestamp, "
                + "current_timestamp)", id, name, name.replace("Vaste boekers", "Frequent bookers"));
        log("a group by the rule purchases_12m >= 2 is active during the interactions' phase");
        return id;
    }

    /** Takes the phase's group by rule away again, with its memberships, so that a later run on a kept database has none. */
    private static void removeCountRule(JdbcTemplate jdbc, UUID id) {
        int members = jdbc.update("delete from groups_membership where group_id = ?", id);
        jdbc.update("delete from groups_group where id = ?", id);
        log("the group by rule removed again (%d memberships made in the phase)", members);
    }

    /**
     * Makes the streaming replica (after the phases above, so that they ran without it), starts a node that reads from it
     * and compares it with the first node under the same ingestion and dashboard reads. The replica's node is measured for
     * its heap too.
     */
    private void replica(List<Node> nodes, String url, int primaryPort, Path data, String brokers, JdbcTemplate jdbc,
            ScaleLoad.Setup setup) throws Exception {
        try (ReplicaServer replica = ReplicaServer.start(primaryPort, data, data.resolveSibling("replica"))) {
            Node reading = startNode(2, url, brokers, options.replicaUnused() ? Map.of() : Map.of("BUITENIN_DB_REPLICA_URL",
                    replica.jdbcUrl(), "BUITENIN_DB_REPLICA_USER", "postgres", "BUITENIN_DB_REPLICA_PASSWORD", ""));
            nodes.add(reading);
            Instant at = setup.last().atStartOfDay(setup.zone()).toInstant();
            new ReadsWhileIngesting(options.replicaRows(), options.readRate(), options.replicaUnused(), table, results,
                    (tag, rows) -> bodies(run + "-" + tag, setup.touchpoints(), rows, 5_000, at)).measure(nodes.get(0), reading, replica,
                            jdbc, setup.apiKey());
        }
    }

    /** Starts one application process on the database and waits until it is ready. */
    private Node startNode(int number, String url, String brokers) throws Exception {
        return startNode(number, url, brokers, Map.of());
    }

    /** Starts one application process on the database, with these environment variables besides, and waits until it is ready. */
    private Node startNode(int number, String url, String brokers, Map<String, String> environment) throws Exception {
        int port = freePort();
        String suffix = number == 1 ? "" : "-" + number;
        Path gcLog = options.out().resolve("gc" + suffix + ".log");
        Path appLog = options.out().resolve("app" + suffix + ".log");
        Path dataDir = Files.createTempDirectory("buitenin-scale-app");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + options.heapMb() + "m", "-Xlog:gc*:file=" + gcLog + ":uptime,level,tags"));
        command.addAll(options.appOptions());
        command.addAll(List.of("-jar", options.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BUITENIN_DB_URL", url.replace("?user=postgres", ""));
        builder.environment().put("BUITENIN_DB_USER", "postgres");
        builder.environment().put("BUITENIN_DB_PASSWORD", "");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("BUITENIN_DATA_DIR", dataDir.toString());
        builder.environment().put("BUITENIN_KAFKA_BOOTSTRAP_SERVERS", brokers);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(appLog.toFile());
        log("starting node %d of the application: %s (log %s)", number, String.join(" ", builder.command()), appLog);
        long start = System.nanoTime();
        Process process = builder.start();
        Node node = new Node(number, process, "http://localhost:" + port, gcLog, appLog, dataDir);
        try {
            awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), node.base(), process, appLog);
        } catch (Exception notReady) {
            process.destroyForcibly().waitFor();
            deleteTree(dataDir);
            throw notReady;
        }
        log("node %d ready in %.0f s", number, (System.nanoTime() - start) / 1e9);
        return node;
    }

    private static List<URI> endpoints(List<String> bases, String path) {
        return bases.stream().map(base -> URI.create(base + path)).toList();
    }

    /** Two client threads per node, as with one node until now. */
    private int clientThreads() {
        return 2 * options.nodes();
    }

    /** What the figures' names say about where the requests went. */
    private String across() {
        return options.nodes() == 1 ? "" : String.format(Locale.ROOT, ", across %d nodes", options.nodes());
    }

    private static void awaitReady(HttpClient http, String base, Process process, Path appLog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped with exit " + process.exitValue() + "; see " + appLog);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the application was not ready within 10 minutes; see " + appLog);
    }

    static void signIn(HttpClient http, String base) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = FORM_CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + enc(USER) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (home.contains("name=\"password\"")) {
            throw new IllegalStateException("sign-in as " + USER + " was refused");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Warm reads: the journey map and the scores API (default period, and two years), against a plain API read. */
    private void reads(HttpClient http, String base, ScaleLoad.Setup setup) throws Exception {
        String twoYears = "from=" + setup.first() + "&to=" + setup.last();
        Timing baseline = time(http, "GET /api/v1/journeys", base + "/api/v1/journeys", setup.apiKey());
        Timing map = time(http, "GET /insight/journey-map (last 12 weeks)", base + "/insight/journey-map", null);
        Timing scores = time(http, "GET /api/v1/scores (last 12 weeks, per week)", base + "/api/v1/scores", setup.apiKey());
        Timing scoresLong = time(http, "GET /api/v1/scores (2 years, per week)", base + "/api/v1/scores?groupBy=week&" + twoYears, setup.apiKey());
        Timing mapLong = time(http, "GET /insight/journey-map (2 years)", base + "/insight/journey-map?" + twoYears, null);
        for (Timing t : List.of(map, scores, scoresLong, mapLong)) {
            table.add(String.format(Locale.ROOT, "| %s, warm, %d requests | p50 %.1f ms, p99 %.1f ms | p50 %.1f ms (%s) | %.1f | < 100 ms |",
                    t.name(), t.n(), t.p50(), t.p99(), baseline.p50(), baseline.name(), t.p50() / baseline.p50()));
        }
        results.put("map", String.format(Locale.ROOT, "RESULT scale-map ratio=%.4f value=%.2f unit=ms baseline=%.2f",
                map.p50() / baseline.p50(), map.p50(), baseline.p50()));
        results.put("scores", String.format(Locale.ROOT, "RESULT scale-scores ratio=%.4f value=%.2f unit=ms baseline=%.2f",
                scores.p50() / baseline.p50(), scores.p50(), baseline.p50()));
        results.put("map-p99", String.format(Locale.ROOT, "RESULT scale-map-p99 ratio=%.4f value=%.2f unit=ms baseline=%.2f",
                map.p99() / baseline.p99(), map.p99(), baseline.p99()));
        results.put("scores-p99", String.format(Locale.ROOT, "RESULT scale-scores-p99 ratio=%.4f value=%.2f unit=ms baseline=%.2f",
                scores.p99() / baseline.p99(), scores.p99(), baseline.p99()));
    }

    private Timing time(HttpClient http, String name, String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpRequest get = request.build();
        int warm = Math.max(10, options.requests() / 3);
        double[] ms = new double[options.requests()];
        for (int i = -warm; i < ms.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || response.body().contains("name=\"password\"")) {
                throw new IllegalStateException(name + ": HTTP " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            if (i >= 0) {
                ms[i] = elapsed;
            }
        }
        Arrays.sort(ms);
        Timing timing = new Timing(name, percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], ms.length);
        log("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d warm requests after %d to warm up)", name, timing.p50(), timing.p99(),
                timing.max(), ms.length, warm);
        return timing;
    }

    /** Nearest rank: the smallest value that at least p % of the values are at or below. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The HTTP API against COPY for interactions, in alternating rounds, on top of the loaded history. */
    private void ingest(List<String> bases, DataSource dataSource, JdbcTemplate jdbc, ScaleLoad.Setup setup, Statements statements)
            throws Exception {
        List<URI> endpoint = endpoints(bases, "/api/v1/interactions");
        int threads = clientThreads();
        HttpClient client = HttpClient.newHttpClient();
        int rounds = 4;
        int perRound = options.ingestRows() / rounds;
        int batch = 5_000;
        Instant at = setup.last().atStartOfDay(setup.zone()).toInstant();
        // Warm-up of both paths.
        JourneyBenchmarks.post(client, endpoint, setup.apiKey(), bodies(run + "-warm", setup.touchpoints(), Math.min(perRound, 50_000), batch, at), threads);
        JourneyBenchmarks.awaitListeners(jdbc);
        copyInteractions(dataSource, run + "-warmcopy", setup.touchpoints(), Math.min(perRound, 50_000), at, setup.zone());
        statements.reset();
        long httpNanos = 0;
        long copyNanos = 0;
        for (int round = 0; round < rounds; round++) {
            List<String> bodies = bodies(run + "-http" + round, setup.touchpoints(), perRound, batch, at);
            long start = System.nanoTime();
            JourneyBenchmarks.post(client, endpoint, setup.apiKey(), bodies, threads);
            JourneyBenchmarks.awaitListeners(jdbc);
            httpNanos += System.nanoTime() - start;
            copyNanos += copyInteractions(dataSource, run + "-copy" + round, setup.touchpoints(), perRound, at, setup.zone());
        }
        double http = (double) rounds * perRound / (httpNanos / 1e9);
        double copy = (double) rounds * perRound / (copyNanos / 1e9);
        log("ingest at size: %d interactions, HTTP API (batches of %d, %d client threads%s, until the listeners finished) %.0f rows/s, "
                + "COPY %.0f rows/s, ratio %.2f; batches refused with 503 and sent again so far: %d", rounds * perRound, batch, threads, across(),
                http, copy, http / copy, JourneyBenchmarks.BUSY_REFUSALS.get());
        table.add(String.format(Locale.ROOT, "| ingest at size: POST /api/v1/interactions%s%s, until listeners done, %d rows | %.0f rows/s | "
                + "%.0f rows/s (COPY) | %.2f | >= 0.50 |", across(), options.countRule() ? ", a rule over a count active" : "",
                rounds * perRound, http, copy, http / copy));
        results.put("ingest", String.format(Locale.ROOT, "RESULT scale-ingest ratio=%.4f value=%.1f unit=rows/s baseline=%.1f",
                http / copy, http, copy));
        httpRate = http;
    }

    private double httpRate;

    private List<String> bodies(String tag, List<UUID> touchpoints, int rows, int batch, Instant dayStart) {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(body.isEmpty() ? "{\"items\":[" : ",");
            body.append("{\"sourceId\":\"").append(tag).append('-').append(i).append("\",\"touchpoint\":\"")
                    .append(touchpoints.get(i % touchpoints.size())).append("\",\"at\":\"").append(dayStart.plusMillis(i * 997L % 86_000_000L))
                    .append("\",\"person\":\"").append(person(i)).append("\",\"kind\":\"contact\"}");
            if ((i + 1) % batch == 0 || i == rows - 1) {
                bodies.add(body.append("]}").toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    private long copyInteractions(DataSource dataSource, String tag, List<UUID> touchpoints, int rows, Instant dayStart,
            ZoneId zone) throws Exception {
        List<ScaleData.Row> chunk = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Instant at = dayStart.plusMillis(i * 997L % 86_000_000L);
            chunk.add(new ScaleData.Row(tag + "-" + i, touchpoints.get(i % touchpoints.size()), at, at.atZone(zone).toLocalDate(),
                    person(i), "CONTACT"));
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                ScaleData.Copy copy = new ScaleData.Copy(connection, "interaction", ScaleData.INTERACTION_COLUMNS)) {
            for (ScaleData.Row row : chunk) {
                ScaleData.interaction(copy.out(), row);
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * The HTTP API against COPY for answered surveys (NPS and CSAT), on top of the loaded history. The HTTP figure is
     * until the last response; the listeners' work after it (histograms, text, events published) is awaited before the
     * next COPY round and the next phase, and reported on its own, so that it slows neither of them down.
     */
    private void answers(List<String> bases, DataSource dataSource, JdbcTemplate jdbc, ScaleLoad.Setup setup) throws Exception {
        List<URI> endpoint = endpoints(bases, "/api/v1/answers");
        int threads = clientThreads();
        HttpClient client = HttpClient.newHttpClient();
        int rounds = 2;
        int perRound = options.answerRows() / rounds;
        int batch = 2_000;
        Instant at = setup.last().atStartOfDay(setup.zone()).toInstant();
        ScaleData.SurveySpec survey = setup.answerSurvey();
        JourneyBenchmarks.post(client, endpoint, setup.apiKey(), answerBodies(run + "-warm", survey, setup.touchpoints(), Math.min(perRound, 10_000), batch, at), threads);
        JourneyBenchmarks.awaitListeners(jdbc);
        copyAnswers(dataSource, run + "-warmcopy", survey, setup, Math.min(perRound, 10_000), at);
        long httpNanos = 0;
        long listenerNanos = 0;
        long copyNanos = 0;
        for (int round = 0; round < rounds; round++) {
            List<String> bodies = answerBodies(run + "-http" + round, survey, setup.touchpoints(), perRound, batch, at);
            long start = System.nanoTime();
            JourneyBenchmarks.post(client, endpoint, setup.apiKey(), bodies, threads);
            long responded = System.nanoTime();
            httpNanos += responded - start;
            JourneyBenchmarks.awaitListeners(jdbc);
            listenerNanos += System.nanoTime() - responded;
            copyNanos += copyAnswers(dataSource, run + "-copy" + round, survey, setup, perRound, at);
        }
        double http = (double) rounds * perRound / (httpNanos / 1e9);
        double copy = (double) rounds * perRound / (copyNanos / 1e9);
        log("answers at size: %d surveys (NPS and CSAT), HTTP API (batches of %d, %d client threads%s) %.0f surveys/s, COPY %.0f surveys/s, "
                + "ratio %.2f; the listeners went on for %.1f s after the last responses (%.0f surveys/s counted until they finished)",
                rounds * perRound, batch, threads, across(), http, copy, http / copy, listenerNanos / 1e9,
                (double) rounds * perRound / ((httpNanos + listenerNanos) / 1e9));
        table.add(String.format(Locale.ROOT, "| ingest at size: POST /api/v1/answers (NPS + CSAT)%s, %d surveys | %.0f surveys/s | "
                + "%.0f surveys/s (COPY) | %.2f | >= 0.50 |", across(), rounds * perRound, http, copy, http / copy));
        results.put("answers", String.format(Locale.ROOT, "RESULT scale-answers ratio=%.4f value=%.1f unit=surveys/s baseline=%.1f",
                http / copy, http, copy));
    }

    private List<String> answerBodies(String tag, ScaleData.SurveySpec survey, List<UUID> touchpoints, int rows, int batch,
            Instant dayStart) {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            body.append(body.isEmpty() ? "{\"items\":[" : ",");
            body.append("{\"sourceId\":\"").append(tag).append('-').append(i).append("\",\"survey\":\"").append(survey.id())
                    .append("\",\"touchpoint\":\"").append(touchpoints.get(i % touchpoints.size())).append("\",\"at\":\"")
                    .append(dayStart.plusMillis(i * 997L % 86_000_000L)).append("\",\"person\":\"").append(person(i))
                    .append("\",\"answers\":{\"nps\":[\"").append(i % 11).append("\"],\"csat-boeking\":[\"").append(1 + i % 5).append("\"]}}");
            if ((i + 1) % batch == 0 || i == rows - 1) {
                bodies.add(body.append("]}").toString());
                body.setLength(0);
            }
        }
        return bodies;
    }

    private long copyAnswers(DataSource dataSource, String tag, ScaleData.SurveySpec survey, ScaleLoad.Setup setup, int rows, Instant dayStart)
            throws Exception {
        List<ScaleData.Response> chunk = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Instant at = dayStart.plusMillis(i * 997L % 86_000_000L);
            chunk.add(new ScaleData.Response(UUID.randomUUID(), survey, setup.touchpoints().get(i % setup.touchpoints().size()),
                    person(i), "api:" + tag + "-" + i, at, at.atZone(setup.zone()).toLocalDate(), new int[] {i % 11, 1 + i % 5}));
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ScaleData.copyResponses(connection, chunk);
            connection.commit();
        }
        return System.nanoTime() - start;
    }

    /**
     * Interactions through the Kafka topic against the HTTP API, the same number and the same items, each timed until
     * every row is stored and every listener has finished. The application consumes with its defaults (500 records a
     * poll, one transaction each).
     */
    private void kafka(List<String> bases, JdbcTemplate jdbc, String brokers, ScaleLoad.Setup setup) throws Exception {
        int rows = options.kafkaRows();
        Instant at = setup.last().atStartOfDay(setup.zone()).toInstant();
        List<UUID> kafkaTouchpoint = List.of(setup.kafkaTouchpoint());
        List<UUID> httpTouchpoint = List.of(setup.ingestTouchpoint());
        // HTTP first, of the same size, right before.
        List<String> bodies = bodies(run + "-kafka-http", httpTouchpoint, rows, 5_000, at);
        long start = System.nanoTime();
        JourneyBenchmarks.post(HttpClient.newHttpClient(), endpoints(bases, "/api/v1/interactions"), setup.apiKey(), bodies, clientThreads());
        JourneyBenchmarks.awaitListeners(jdbc);
        double http = rows / ((System.nanoTime() - start) / 1e9);

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        List<String> items = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            items.add("{\"sourceId\":\"" + run + "-kafka-" + i + "\",\"touchpoint\":\"" + setup.kafkaTouchpoint() + "\",\"at\":\""
                    + at.plusMillis(i * 997L % 86_000_000L) + "\",\"person\":\"" + person(i) + "\",\"kind\":\"contact\"}");
        }
        // On a kept database the touchpoint has an earlier run's rows: wait for this run's on top of them.
        long before = jdbc.queryForObject("select count(*) from interaction where touchpoint_id = ?", Long.class, kafkaTouchpoint.get(0));
        long produced;
        start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                sent.add(producer.send(new ProducerRecord<>("buitenin.interactions", run + "-kafka-" + i, items.get(i))));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            produced = System.nanoTime() - start;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (jdbc.queryForObject("select count(*) from interaction where touchpoint_id = ?", Long.class, kafkaTouchpoint.get(0)) < before + rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Kafka records were not all stored within 30 minutes");
            }
            Thread.sleep(50);
        }
        JourneyBenchmarks.awaitListeners(jdbc);
        double viaKafka = rows / ((System.nanoTime() - start) / 1e9);
        log("kafka: %d interactions, produced in %.1f s; stored and counted through Kafka %.0f rows/s, through the HTTP API %.0f rows/s; "
                + "ratio %.2f", rows, produced / 1e9, viaKafka, http, viaKafka / http);
        table.add(String.format(Locale.ROOT, "| Kafka topic buitenin.interactions%s, until stored and listeners done, %d rows | %.0f rows/s | "
                + "%.0f rows/s (HTTP API) | %.2f | reported |", across(), rows, viaKafka, http, viaKafka / http));
        results.put("kafka", String.format(Locale.ROOT, "RESULT scale-kafka ratio=%.4f value=%.1f unit=rows/s baseline=%.1f",
                viaKafka / http, viaKafka, http));
    }

    /** The largest heap after a collection, from the GC log (G1's "Pause ... 300M->120M(512M)" lines). */
    private void heap(Node node) throws IOException {
        Path gcLog = node.gcLog();
        Path appLog = node.appLog();
        // The replica's node (--replica) is a second node too.
        boolean only = options.nodes() == 1 && node.number() == 1;
        String which = only ? "" : " of node " + node.number();
        String key = only ? "heap" : "heap-" + node.number();
        long maxAfter = 0;
        long maxBefore = 0;
        int pauses = 0;
        int full = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                pauses++;
                full += m.group(1).equals("Full") ? 1 : 0;
                maxBefore = Math.max(maxBefore, Long.parseLong(m.group(2)));
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(3)));
            }
        }
        boolean oom = Files.readString(appLog).contains("OutOfMemoryError");
        log("heap%s: %d collections (%d full); largest heap after a collection %d MB, before %d MB, of -Xmx%dm; OutOfMemoryError: %s",
                which, pauses, full, maxAfter, maxBefore, options.heapMb(), oom ? "yes" : "no");
        if (pauses == 0) {
            throw new IllegalStateException("no collections in " + gcLog);
        }
        table.add(String.format(Locale.ROOT, "| heap%s after GC, largest, through all of the above (%d collections, %d full%s) | %d MB | "
                + "%d MB (-Xmx) | %.2f | < 512 MB |", which, pauses, full, oom ? ", OutOfMemoryError" : "", maxAfter, options.heapMb(),
                (double) maxAfter / options.heapMb()));
        results.put(key, String.format(Locale.ROOT, "RESULT scale-" + key + " ratio=%.4f value=%d unit=MB baseline=%d",
                (double) maxAfter / options.heapMb(), maxAfter, options.heapMb()));
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
