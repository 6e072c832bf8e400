package nl.buitenin.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyEngine;
import nl.buitenin.contact.internal.Sampler;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * Contact-policy decisions in process. {@code engine}: the person's contacts come from a per-person
 * index (as the stored policy reads them by person key) and {@link PolicyEngine} evaluates every
 * rule in one pass. {@code naiveScan}: the baseline — the same rules, but the person's history is
 * found by scanning the full contact log of all people for every decision.
 * Run: {@code java -jar bench/target/benchmarks.jar ContactPolicyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ContactPolicyBenchmark {

    record LoggedContact(PersonKey person, PastContact contact) {
    }

    @Param({"10000"})
    int people;

    PersonKey[] keys;
    TouchpointId[] touchpoints;
    Instant[] times;
    Map<PersonKey, List<PastContact>> byPerson;
    List<LoggedContact> log;
    Policy policy;
    PolicyEngine engine;
    int next;

    @Setup
    public void setUp() {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        policy = Policy.sensibleDefault(zone);
        engine = new PolicyEngine(new Sampler("benchmark sampling key, 32 bytes".getBytes(StandardCharsets.UTF_8)));
        Random random = new Random(42);
        keys = new PersonKey[people];
        byPerson = new HashMap<>();
        log = new ArrayList<>();
        Instant start = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, zone).toInstant();
        for (int i = 0; i < people; i++) {
            keys[i] = key(i);
            List<PastContact> contacts = new ArrayList<>();
            int count = random.nextInt(9); // 0–8 invitations and reminders over two years, 4 on average
            for (int c = 0; c < count; c++) {
                PastContact contact = new PastContact(start.plusSeconds(random.nextInt(700 * 86_400)),
                        random.nextInt(5) == 0 ? ContactKind.REMINDER : ContactKind.INVITATION);
                contacts.add(contact);
                log.add(new LoggedContact(keys[i], contact));
            }
            byPerson.put(keys[i], contacts);
        }
        touchpoints = new TouchpointId[8];
        for (int t = 0; t < touchpoints.length; t++) {
            touchpoints[t] = new TouchpointId(new UUID(0x42L, t));
        }
        times = new Instant[1024];
        for (int t = 0; t < times.length; t++) {
            times[t] = start.plusSeconds(700L * 86_400 + random.nextInt(30 * 86_400));
        }
    }

    @Benchmark
    public List<Reason> engine() {
        int i = next++ & 0x3fffffff;
        PersonKey person = keys[i % people];
        PersonFacts facts = PersonFacts.consentedWithoutHistory().withContacts(byPerson.get(person));
        return engine.decide(policy, facts, person, touchpoints[i & 7], times[i & 1023]);
    }

    @Benchmark
    public List<Reason> naiveScan() {
        int i = next++ & 0x3fffffff;
        PersonKey person = keys[i % people];
        List<PastContact> contacts = new ArrayList<>();
        for (LoggedContact logged : log) {
            if (logged.person().equals(person)) {
                contacts.add(logged.contact());
            }
        }
        PersonFacts facts = PersonFacts.consentedWithoutHistory().withContacts(contacts);
        return engine.decide(policy, facts, person, touchpoints[i & 7], times[i & 1023]);
    }

    static PersonKey key(int i) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder digits = new StringBuilder();
        for (long value = i; value > 0; value /= 32) {
            digits.insert(0, alphabet.charAt((int) (value % 32)));
        }
        return new PersonKey("p_" + "a".repeat(26 - digits.length()) + digits);
    }
}
