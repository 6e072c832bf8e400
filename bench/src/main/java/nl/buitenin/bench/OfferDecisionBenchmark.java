package nl.buitenin.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import nl.buitenin.contact.Interests.InterestStanding;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.internal.LoggedContact;
import nl.buitenin.contact.internal.OfferPolicy;
import nl.buitenin.contact.internal.OfferRules;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.offers.internal.Fading;
import nl.buitenin.offers.internal.InterestSettings;
import nl.buitenin.privacy.PreferredChannel;

/**
 * Offer decisions ("may we offer this topic to this person now?") in process, with the live rules ({@link OfferRules})
 * and the live fading maths ({@link Fading}, {@link InterestSettings}). Each of 10 000 people has two years of
 * interactions (0–400 visits, searches, clicks and bookings on 20 topics, 200 on average) and of messages (0–40 offers
 * and survey invitations).
 * {@code engine}: as the live path reads it — per person, topic and kind one faded state (the rows of
 * {@code offers_interest}), so the interest costs one power per kind, and only the contact log since the start of the
 * budget's oldest quarter (what {@code OfferPolicies.logOf} selects).
 * {@code naiveScan}: the baseline — the interest summed over the person's whole interaction history, each interaction
 * faded on its own, and the whole contact log handed to the rules.
 * Run: {@code java -jar bench/target/benchmarks.jar OfferDecisionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class OfferDecisionBenchmark {

    record Interaction(Instant at, InteractionKind kind, String topic) {
    }

    static final InteractionKind[] KINDS = {InteractionKind.VISIT, InteractionKind.VISIT, InteractionKind.SEARCH, InteractionKind.SEARCH,
            InteractionKind.OFFER_CLICK, InteractionKind.PURCHASE};

    @Param({"10000"})
    int people;

    String[] topics;
    List<List<Interaction>> histories;
    List<Map<String, Map<InteractionKind, Fading.State>>> states;
    List<List<LoggedContact>> logs;
    Instant[] times;
    Policy policy;
    OfferPolicy offers;
    InterestSettings settings;
    ZoneId zone;
    int next;

    @Setup
    public void setUp() {
        zone = ZoneId.of("Europe/Amsterdam");
        policy = Policy.sensibleDefault(zone);
        offers = OfferPolicy.sensibleDefault();
        settings = InterestSettings.sensibleDefault();
        Random random = new Random(42);
        topics = new String[20];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = "topic " + t;
        }
        Instant start = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, zone).toInstant();
        histories = new ArrayList<>(people);
        states = new ArrayList<>(people);
        logs = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            List<Interaction> history = new ArrayList<>();
            int count = random.nextInt(401);
            for (int c = 0; c < count; c++) {
                history.add(new Interaction(start.plusSeconds(random.nextInt(700 * 86_400)), KINDS[random.nextInt(KINDS.length)],
                        topics[random.nextInt(topics.length)]));
            }
            history.sort((a, b) -> a.at().compareTo(b.at()));
            Map<String, Map<InteractionKind, Fading.State>> byTopic = new HashMap<>();
            for (Interaction interaction : history) {
                InterestSettings.KindRule rule = settings.ruleOf(interaction.kind());
                byTopic.computeIfAbsent(interaction.topic(), k -> new EnumMap<>(InteractionKind.class)).compute(interaction.kind(),
                        (k, state) -> Fading.add(state, rule.weight(), interaction.at(), rule.halfLife()));
            }
            List<LoggedContact> log = new ArrayList<>();
            int messages = random.nextInt(41);
            for (int m = 0; m < messages; m++) {
                boolean offer = random.nextBoolean();
                log.add(new LoggedContact(start.plusSeconds(random.nextInt(700 * 86_400)), offer ? ContactKind.OFFER : ContactKind.INVITATION,
                        offer ? topics[random.nextInt(topics.length)] : null));
            }
            log.sort((a, b) -> a.at().compareTo(b.at()));
            histories.add(history);
            states.add(byTopic);
            logs.add(log);
        }
        times = new Instant[1024];
        for (int t = 0; t < times.length; t++) {
            times[t] = start.plusSeconds(700L * 86_400 + random.nextInt(30 * 86_400));
        }
    }

    @Benchmark
    public List<Reason> engine() {
        int i = next++ & 0x3fffffff;
        int person = i % people;
        String topic = topics[i % topics.length];
        Instant now = times[i & 1023];
        double weight = 0;
        Map<InteractionKind, Fading.State> rows = states.get(person).get(topic);
        if (rows != null) {
            for (Map.Entry<InteractionKind, Fading.State> row : rows.entrySet()) {
                weight += Fading.weightAt(row.getValue(), now, settings.kinds().get(row.getKey()).halfLife());
            }
        }
        return decide(weight, since(logs.get(person), now), topic, now);
    }

    @Benchmark
    public List<Reason> naiveScan() {
        int i = next++ & 0x3fffffff;
        int person = i % people;
        String topic = topics[i % topics.length];
        Instant now = times[i & 1023];
        double weight = 0;
        for (Interaction interaction : histories.get(person)) {
            if (interaction.topic().equalsIgnoreCase(topic) && !interaction.at().isAfter(now)) {
                InterestSettings.KindRule rule = settings.kinds().get(interaction.kind());
                weight += rule.weight() * Fading.factor(Duration.between(interaction.at(), now), rule.halfLife());
            }
        }
        return decide(weight, logs.get(person), topic, now);
    }

    private List<Reason> decide(double weight, List<LoggedContact> log, String topic, Instant now) {
        OfferRules.OfferFacts facts = new OfferRules.OfferFacts(true, PreferredChannel.EMAIL, false,
                new InterestStanding(weight > settings.threshold(), false));
        return OfferRules.decide(policy, offers, facts, log, topic, Channel.EMAIL, now);
    }

    /** The log from the start of the budget's oldest quarter (or the topic cap's window, if longer), as the store selects it. */
    private List<LoggedContact> since(List<LoggedContact> log, Instant now) {
        Instant quarters = LocalDate.ofInstant(now, zone).minusMonths(4).withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant topicSince = now.minus(Duration.ofDays(offers.topicCapDays()));
        Instant from = topicSince.isBefore(quarters) ? topicSince : quarters;
        int low = 0;
        int high = log.size();
        while (low < high) { // sorted by time: the first contact after from, as an index on (person, at) finds it
            int mid = (low + high) >>> 1;
            if (log.get(mid).at().isAfter(from)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return log.subList(low, log.size());
    }
}
