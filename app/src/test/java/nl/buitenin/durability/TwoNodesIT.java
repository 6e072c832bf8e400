package nl.buitenin.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.buitenin.testing.TestDatabases;

/**
 * Two nodes on one PostgreSQL, as production runs them behind a load balancer without sticky sessions: two processes
 * of the real jar on two ports, the same database, the same secret. The test signs in on node A and works on node B
 * with that session (a page, and a form whose CSRF token node A issued); sends the same interactions to both nodes
 * at once (each stored once); and queues a batch of mails that both nodes send through one SMTP server (GreenMail).
 * While node B holds a claim on a mail it is sending, B is killed with SIGKILL; node A takes over B's expired claim
 * and sends the rest. In the end every mail is sent (none lost), each reached the server once, and a copy sent again
 * is possible only for the one message B was sending when it died, recognisable by its Message-ID (docs/scaling.md).
 * Then B is started again, takes batches of contacts, and is killed while a listener of a batch it acknowledged is still
 * at work (its event publication unfinished); A's resubmission job hands that publication to A's listener, and in the
 * end no publication is unfinished and every contact is counted once, in demand's intervals and in the daily counts.
 * Runs in {@code ./mvnw verify} (failsafe); about a minute and a half, mostly the two start-ups.
 */
class TwoNodesIT {

    private static final int INTERACTIONS = 2_000;
    private static final int MAILS = 400;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    @Test
    void twoNodesShareSessionsIngestOnceAndSendEveryMailOnceThroughAKill() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        TestDatabases.Database database = TestDatabases.freshPostgres();
        Path logs = Path.of(System.getProperty("buitenin.crash.logs", "target/crash-test"));
        Files.createDirectories(logs);
        ServerProcess a = new ServerProcess(jar(), environment(database, smtp, "a"), fresh(logs.resolve("two-nodes-a.log")));
        ServerProcess b = new ServerProcess(jar(), environment(database, smtp, "b"), fresh(logs.resolve("two-nodes-b.log")));
        ExecutorService executor = RetryingIngest.executor();
        ServerProcess b2 = null;
        try {
            // One after the other, as a rolling start does: the first creates the schema and the first administrator.
            a.start();
            b.start();

            // Sessions: signed in on A, recognised on B; a form from A's page is accepted by B (the CSRF token is shared).
            AdminSession onA = AdminSession.firstSignIn(a.baseUrl(), a.oneTimeAdminPassword());
            AdminSession onB = onA.on(b.baseUrl());
            AdminSession.Page page = onB.page("/admin/api-keys");
            assertThat(page.path()).as("node B knows the session signed in on node A").isEqualTo("/admin/api-keys");
            assertThat(page.status()).isEqualTo(200);
            String apiKey = onB.issueApiKeyWithFormFrom(onA, "INGEST");
            String touchpoint = onB.mapTouchpoint();

            // Ingestion through both nodes at once: the same rows sent to each are stored once.
            String prefix = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            RetryingIngest toA = new RetryingIngest(a.baseUrl(), apiKey, touchpoint, prefix, INTERACTIONS, 200, List.of(), TIMEOUT);
            RetryingIngest toB = new RetryingIngest(b.baseUrl(), apiKey, touchpoint, prefix, INTERACTIONS, 200, List.of(), TIMEOUT);
            List<Future<?>> clients = new ArrayList<>(toA.start(executor, 1));
            clients.addAll(toB.start(executor, 1));
            for (Future<?> client : clients) {
                client.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            Set<String> stored = storedSourceIds(database, prefix);
            assertThat(stored).as("interactions stored, each once").hasSize(INTERACTIONS);
            assertThat(toA.reportedCreated() + toB.reportedCreated()).as("created once over both nodes").isEqualTo(INTERACTIONS);
            assertThat(toA.reportedDuplicates() + toB.reportedDuplicates()).isEqualTo(INTERACTIONS);
            // Machines calling with an API key get no session: the shared session table holds the administrator's only.
            assertThat(count(database, "select count(*) from spring_session")).as("sessions after %d API calls", 2 * INTERACTIONS / 200)
                    .isLessThanOrEqualTo(2);

            // Mail: both nodes send from one outbox; B dies while it holds a claim.
            String domain = "twee-" + prefix.substring(10, 18) + ".voorbeeld.nl";
            queueMails(database, prefix, domain);
            long killedAt = killWhileSending(database, b);
            Instant killed = Instant.now();
            awaitAllSent(database, prefix);
            Duration takeOver = Duration.between(killed, Instant.now());

            Outbox outbox = outbox(database, prefix);
            Map<String, Long> copiesPerId = received(smtp, domain);
            Set<String> resent = copiesPerId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            String summary = String.format("%d mails; node B (pid %d) killed with %d sent; sent by A %d, by B %d; "
                            + "taken over %d after %d ms; received %d distinct, %d copies sent again %s",
                    MAILS, b.pid(), killedAt, outbox.sentBy(a.pid()), outbox.sentBy(b.pid()), outbox.takenOver().size(),
                    takeOver.toMillis(), copiesPerId.size(), resent.size(), resent);
            System.out.println("TwoNodesIT " + summary);
            assertThat(outbox.status()).as("every mail sent: " + summary).containsOnlyKeys("SENT");
            assertThat(copiesPerId.keySet()).as("every mail reached the server (none lost): " + summary)
                    .isEqualTo(outbox.messageIds());
            assertThat(outbox.sentBy(a.pid())).as("node A sent mail: " + summary).isPositive();
            assertThat(outbox.sentBy(b.pid())).as("node B sent mail before it died: " + summary).isPositive();
            assertThat(outbox.takenOver()).as("only B's one message in flight can be taken over: " + summary).hasSizeLessThanOrEqualTo(1);
            assertThat(outbox.messageIdsOf(outbox.takenOver())).as("a copy sent again only of a message taken over: " + summary)
                    .containsAll(resent);
            assertThat(copiesPerId.values()).as("at most one copy more, of that message: " + summary).allMatch(n -> n <= 2);

            // Events: B, started again, ingests and is killed while listeners of batches it acknowledged are still
            // running; A resubmits those publications, and every interaction ends up counted in demand exactly once.
            b2 = new ServerProcess(jar(), environment(database, smtp, "b"), fresh(logs.resolve("two-nodes-b2.log")));
            Set<UUID> orphans = killWithEventsInFlight(database, b2, apiKey, touchpoint);
            Instant orphaned = Instant.now();
            awaitCompleted(database, orphans);
            String events = String.format("node B (pid %d) killed with %d publication(s) unfinished; finished by A after %d ms",
                    b2.pid(), orphans.size(), Duration.between(orphaned, Instant.now()).toMillis());
            System.out.println("TwoNodesIT " + events);
            assertThat(count(database, "select count(*) from event_publication where completion_date is null"))
                    .as("every publication finished: " + events).isZero();
            long contacts = count(database, "select count(*) from interaction where kind = 'CONTACT'");
            assertThat(count(database, "select coalesce(sum(offered), 0) from demand_volume where source = 'interactions'"))
                    .as("every contact counted in demand once: " + events).isEqualTo(contacts);
            assertThat(count(database, "select coalesce(sum(interactions), 0) from interaction_day"))
                    .as("every interaction counted per day once: " + events).isEqualTo(contacts);
        } finally {
            executor.shutdownNow();
            if (b2 != null) {
                b2.stop();
            }
            b.stop();
            a.stop();
            smtp.stop();
        }
    }

    private Map<String, String> environment(TestDatabases.Database database, GreenMail smtp, String node) {
        Map<String, String> environment = new HashMap<>();
        environment.put("BUITENIN_DATA_DIR", temp.resolve("data-" + node).toString());
        environment.put("BUITENIN_DB_URL", database.url());
        environment.put("BUITENIN_DB_USER", database.user());
        environment.put("BUITENIN_DB_PASSWORD", database.password());
        // Every node needs the same secret: it signs links and encrypts contact details for all of them.
        environment.put("BUITENIN_SECRET", "two-nodes-test-secret-of-at-least-32-characters");
        environment.put("BUITENIN_SMTP_HOST", "127.0.0.1");
        environment.put("BUITENIN_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        // Quick polls and a short claim, so that the test sees the take-over within seconds.
        environment.put("BUITENIN_MAIL_POLL", "PT0.5S");
        environment.put("BUITENIN_MAIL_CLAIM", "PT8S");
        // A publication unfinished for 20 s is taken to be a dead node's, and looked for every 2 s.
        environment.put("BUITENIN_EVENTS_RESUBMIT_AFTER", "PT20S");
        environment.put("BUITENIN_EVENTS_RESUBMIT_CHECK", "PT2S");
        environment.put("BUITENIN_EVENTS_RESUBMIT_LOCK", "PT10S");
        return environment;
    }

    /** Rows as {@code Outbox.queue} inserts them (the same columns and values). */
    private static void queueMails(TestDatabases.Database database, String prefix, String domain) throws SQLException {
        try (Connection connection = connect(database);
                PreparedStatement insert = connection.prepareStatement("insert into outbox_message (id, reference, person_key, "
                        + "recipient, subject, body_text, body_html, status, attempts, next_attempt_at, created_at) "
                        + "values (?, ?, null, ?, ?, ?, null, 'PENDING', 0, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < MAILS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, prefix + i);
                insert.setString(3, "n" + i + "@" + domain);
                insert.setString(4, "Bericht " + i);
                insert.setString(5, "Tekst van bericht " + i);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Kills the node as soon as it holds a claim on a mail it is sending, after it sent some; answers how many it had sent. */
    private static long killWhileSending(TestDatabases.Database database, ServerProcess node) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        String claimedBy = node.pid() + "@%";
        try (Connection connection = connect(database);
                PreparedStatement sending = connection.prepareStatement("select count(*) filter (where status = 'SENDING'), "
                        + "count(*) filter (where status = 'SENT') from outbox_message where claimed_by like ?")) {
            sending.setString(1, claimedBy);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet result = sending.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0 && result.getLong(2) >= MAILS / 8) {
                        node.kill();
                        return result.getLong(2);
                    }
                }
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException("node B never sent mail");
    }

    /**
     * Starts the node and has two clients send it batches of 5 000 contacts without pause, while this thread looks for an
     * unfinished event publication every millisecond (a listener of an acknowledged batch still at work) and kills the
     * node the moment it sees one. Answers the publications the kill left unfinished. On a quiet machine a listener
     * finishes within milliseconds, so looking only between batches missed them (seen in CI); should every listener
     * still have finished between the look and the kill, the node is started again and tried again, up to three times.
     */
    private static Set<UUID> killWithEventsInFlight(TestDatabases.Database database, ServerProcess node, String apiKey,
            String touchpoint) throws Exception {
        String prefix = "events-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int attempt = 0; attempt < 3; attempt++) {
            node.start();
            // The clients stop with the kill: their own executor, shut down at once, so none sends to a node started again.
            ExecutorService senders = RetryingIngest.executor();
            boolean killed = false;
            try (Connection connection = connect(database);
                    PreparedStatement look = connection.prepareStatement("select 1 from event_publication where completion_date is null limit 1")) {
                RetryingIngest ingest = new RetryingIngest(node.baseUrl(), apiKey, touchpoint, prefix + attempt + "-", 400_000, 5_000,
                        List.of(), TIMEOUT);
                List<Future<?>> clients = ingest.start(senders, 2);
                Instant deadline = Instant.now().plus(TIMEOUT);
                while (!killed && Instant.now().isBefore(deadline) && !clients.stream().allMatch(Future::isDone)) {
                    try (ResultSet row = look.executeQuery()) {
                        if (row.next()) {
                            node.kill();
                            killed = true;
                        }
                    }
                    Thread.sleep(1);
                }
            } finally {
                senders.shutdownNow();
            }
            if (!killed) {
                throw new IllegalStateException("node B's listeners finished every batch before it could be killed");
            }
            // A publishes nothing in this phase, so what is unfinished a moment after the kill was B's.
            Thread.sleep(500);
            Set<UUID> orphans = unfinished(database);
            if (!orphans.isEmpty()) {
                return orphans;
            }
        }
        throw new IllegalStateException("three kills of node B left no publication unfinished");
    }

    private static Set<UUID> unfinished(TestDatabases.Database database) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement("select id from event_publication where completion_date is null");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Until none of the publications is unfinished (a finished one is deleted: completion mode "delete"). */
    private static void awaitCompleted(TestDatabases.Database database, Set<UUID> publications) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Set<UUID> left = unfinished(database);
            left.retainAll(publications);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node A did not finish node B's publications " + publications + " within " + TIMEOUT);
    }

    private static void awaitAllSent(TestDatabases.Database database, String prefix) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (outbox(database, prefix).status().keySet().equals(Set.of("SENT"))) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** What the outbox says about this test's mails. */
    private record Outbox(Map<String, Long> status, Map<UUID, String> sender, Set<UUID> takenOver) {

        long sentBy(long pid) {
            return sender.values().stream().filter(s -> s != null && s.startsWith(pid + "@")).count();
        }

        Set<String> messageIds() {
            return messageIdsOf(sender.keySet());
        }

        Set<String> messageIdsOf(Set<UUID> ids) {
            return ids.stream().map(id -> "<" + id + "@buitenin>").collect(Collectors.toSet());
        }
    }

    private static Outbox outbox(TestDatabases.Database database, String prefix) throws SQLException {
        Map<String, Long> status = new HashMap<>();
        Map<UUID, String> sender = new HashMap<>();
        Set<UUID> takenOver = new HashSet<>();
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement(
                        "select id, status, claimed_by, takeovers from outbox_message where reference like ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    status.merge(rows.getString(2), 1L, Long::sum);
                    sender.put(id, rows.getString(3));
                    if (rows.getInt(4) > 0) {
                        takenOver.add(id);
                    }
                }
            }
        }
        return new Outbox(status, sender, takenOver);
    }

    /** Copies received per Message-ID, of this test's domain. */
    private static Map<String, Long> received(GreenMail smtp, String domain) throws MessagingException {
        Map<String, Long> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessagesForDomain(domain)) {
            copies.merge(message.getMessageID(), 1L, Long::sum);
        }
        return copies;
    }

    private static Set<String> storedSourceIds(TestDatabases.Database database, String prefix) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement("select source_id from interaction where source_id like ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        Set<String> distinct = new HashSet<>(rows);
        assertThat(rows).as("source ids stored more than once").hasSize(distinct.size());
        return distinct;
    }

    private static long count(TestDatabases.Database database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect(TestDatabases.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static Path fresh(Path log) throws IOException {
        Files.deleteIfExists(log);
        return log;
    }

    private static Path jar() throws IOException {
        Path jar = Path.of(System.getProperty("buitenin.jar", "target/buitenin-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no application jar at " + jar.toAbsolutePath() + " (run ./mvnw verify, which packages it first)");
        }
        return jar;
    }
}
