package nl.buitenin.offers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.Interests;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;

/**
 * A person's interests: interactions with a topic add weight (once per interaction), the weight fades per kind
 * ({@link Fading}), and an interest counts above the threshold unless its topic was closed. Implements contact's
 * {@link Interests}, so the one contact policy weighs the interest in every offer decision. Interests are held only for
 * people whose data the purpose "offers" allows using (it rests on consent).
 */
@Service
public class InterestBook implements Interests {

    /** How far ahead the moment an interest stops counting is looked for. */
    static final Duration HORIZON = Duration.ofDays(3 * 366);

    private final JdbcInterests store;
    private final PurposeGuard purposes;
    private final Clock clock;

    InterestBook(JdbcInterests store, PurposeGuard purposes, Clock clock) {
        this.store = store;
        this.purposes = purposes;
        this.clock = clock;
    }

    /** One interest as the person's own page and the export show it. */
    public record Current(String topic, double weight, boolean counts, @Nullable Instant countsUntil, @Nullable String closedWhy) {
    }

    /** The settings text last read and its parse: read in every decision's own transaction, parsed only when it changed. */
    private volatile LastSettings last;

    private record LastSettings(String json, InterestSettings settings) {
    }

    public InterestSettings settings() {
        return store.settings().map(json -> {
            LastSettings seen = last;
            if (seen != null && seen.json().equals(json)) {
                return seen.settings();
            }
            InterestSettings parsed = InterestSettingsFile.read(json).toSettings();
            last = new LastSettings(json, parsed);
            return parsed;
        }).orElseGet(InterestSettings::sensibleDefault);
    }

    @Transactional
    public InterestSettings change(InterestSettingsFile file) {
        InterestSettings settings = file.toSettings();
        store.saveSettings(InterestSettingsFile.of(settings).write(), clock.instant());
        return settings;
    }

    /** Adds the interactions that name a topic and a person, each once; returns how many added weight. */
    @Transactional
    public int record(List<InteractionsRecorded.Interaction> interactions) {
        InterestSettings settings = settings();
        Map<PersonKey, Boolean> allowed = new HashMap<>();
        int added = 0;
        for (InteractionsRecorded.Interaction i : interactions) {
            if (i.person() == null || i.topic() == null || i.kind() == null) {
                continue;
            }
            InterestSettings.KindRule rule = settings.ruleOf(i.kind());
            boolean closes = settings.purchaseCloses() && i.kind() == InteractionKind.PURCHASE;
            if (rule == null && !closes) {
                continue;
            }
            if (!allowed.computeIfAbsent(i.person(), p -> purposes.mayUse(PurposeId.OFFERS, p))) {
                continue;
            }
            if (!store.markCounted(i.sourceId(), i.person(), i.at())) {
                continue;
            }
            if (rule != null) {
                add(i.person(), i.topic(), i.kind(), rule, i.at());
                added++;
            }
            if (closes) {
                store.close(i.person(), i.topic(), "BOUGHT", i.at());
            }
        }
        return added;
    }

    private void add(PersonKey person, String topic, InteractionKind kind, InterestSettings.KindRule rule, Instant at) {
        String key = JdbcInterests.key(topic);
        Optional<Fading.State> before = store.stateForUpdate(person, key, kind);
        Fading.State after = Fading.add(before.orElse(null), rule.weight(), at, rule.halfLife());
        store.saveState(person, key, topic, kind, after, before.isPresent());
    }

    @Override
    public InterestStanding standing(PersonKey person, String topic, Instant at) {
        String key = JdbcInterests.key(topic);
        if (store.closed(person, key).isPresent()) {
            return new InterestStanding(false, true);
        }
        InterestSettings settings = settings();
        return new InterestStanding(weight(store.rowsOf(person, key), settings, at) > settings.threshold(), false);
    }

    /** The person's interests at {@code at}, strongest first, closed ones last. */
    public List<Current> of(PersonKey person, Instant at) {
        InterestSettings settings = settings();
        Map<String, List<JdbcInterests.Row>> byTopic = new LinkedHashMap<>();
        for (JdbcInterests.Row row : store.rowsOf(person)) {
            byTopic.computeIfAbsent(JdbcInterests.key(row.topic()), k -> new ArrayList<>()).add(row);
        }
        Map<String, JdbcInterests.Closed> closed = new HashMap<>();
        store.closedOf(person).forEach(c -> closed.put(JdbcInterests.key(c.topic()), c));
        List<Current> interests = new ArrayList<>();
        byTopic.forEach((key, rows) -> {
            if (closed.containsKey(key)) {
                return;
            }
            double weight = weight(rows, settings, at);
            boolean counts = weight > settings.threshold();
            interests.add(new Current(rows.get(0).topic(), weight, counts, counts ? countsUntil(rows, settings, at) : null, null));
        });
        interests.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        closed.values().forEach(c -> interests.add(new Current(c.topic(), 0, false, null, c.why())));
        return interests;
    }

    /** The person removes an interest: its weights go and the topic is closed, so no offer on it follows. */
    @Transactional
    public boolean remove(PersonKey person, String topic) {
        String key = JdbcInterests.key(topic);
        List<JdbcInterests.Row> rows = store.rowsOf(person, key);
        if (rows.isEmpty()) {
            return false;
        }
        store.dropWeights(person, key);
        store.close(person, rows.get(0).topic(), "REMOVED", clock.instant());
        return true;
    }

    /** The person stops offers altogether: nothing about their interests is kept. */
    @Transactional
    public void forget(PersonKey person) {
        store.deleteAll(person);
    }

    static double weight(List<JdbcInterests.Row> rows, InterestSettings settings, Instant at) {
        double sum = 0;
        for (JdbcInterests.Row row : rows) {
            InterestSettings.KindRule rule = settings.kinds().get(row.kind());
            // A kind whose rule was taken away since keeps fading at the default's pace rather than standing still.
            Duration halfLife = rule == null ? InterestSettings.sensibleDefault().kinds()
                    .getOrDefault(row.kind(), new InterestSettings.KindRule(1, 7)).halfLife() : rule.halfLife();
            sum += Fading.weightAt(row.state(), at, halfLife);
        }
        return sum;
    }

    /** The first moment after {@code at} at which the interest no longer counts (the weight only falls, so bisection). */
    static Instant countsUntil(List<JdbcInterests.Row> rows, InterestSettings settings, Instant at) {
        Instant low = at;
        Instant high = at.plus(HORIZON);
        if (weight(rows, settings, high) > settings.threshold()) {
            return high;
        }
        while (Duration.between(low, high).compareTo(Duration.ofMinutes(1)) > 0) {
            Instant mid = low.plus(Duration.between(low, high).dividedBy(2));
            if (weight(rows, settings, mid) > settings.threshold()) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }
}
