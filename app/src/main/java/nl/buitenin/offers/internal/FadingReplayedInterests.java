package nl.buitenin.offers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.buitenin.contact.ReplayedInterests;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.privacy.PersonKey;

/**
 * {@link ReplayedInterests} for {@code simulate-policy}: per person, topic and kind one faded state as
 * {@code offers_interest} holds it, added with {@link Fading#add} and weighed with {@link InterestBook#weight}, the live
 * maths; a purchase closes the topic when the settings say so. Held in memory: nothing is stored. Registered in
 * {@code META-INF/services}.
 */
public final class FadingReplayedInterests implements ReplayedInterests {

    private final InterestSettings settings;
    private final Map<PersonKey, Map<String, Map<InteractionKind, Fading.State>>> states = new HashMap<>();
    private final Map<PersonKey, Map<String, Instant>> closed = new HashMap<>();

    /** With the sensible default settings, the ones a new installation starts with. */
    public FadingReplayedInterests() {
        this(InterestSettings.sensibleDefault());
    }

    public FadingReplayedInterests(InterestSettings settings) {
        this.settings = settings;
    }

    @Override
    public void record(PersonKey person, String topic, InteractionKind kind, Instant at) {
        String key = JdbcInterests.key(topic);
        InterestSettings.KindRule rule = settings.ruleOf(kind);
        if (rule != null) {
            states.computeIfAbsent(person, p -> new HashMap<>()).computeIfAbsent(key, k -> new EnumMap<>(InteractionKind.class))
                    .compute(kind, (k, state) -> Fading.add(state, rule.weight(), at, rule.halfLife()));
        }
        if (settings.purchaseCloses() && kind == InteractionKind.PURCHASE) {
            closed.computeIfAbsent(person, p -> new HashMap<>()).putIfAbsent(key, at);
        }
    }

    @Override
    public InterestStanding standing(PersonKey person, String topic, Instant at) {
        String key = JdbcInterests.key(topic);
        Instant closedAt = closed.getOrDefault(person, Map.of()).get(key);
        if (closedAt != null && !closedAt.isAfter(at)) {
            return new InterestStanding(false, true);
        }
        Map<InteractionKind, Fading.State> kinds = states.getOrDefault(person, Map.of()).get(key);
        if (kinds == null) {
            return InterestStanding.NONE;
        }
        List<JdbcInterests.Row> rows = new ArrayList<>(kinds.size());
        kinds.forEach((kind, state) -> rows.add(new JdbcInterests.Row(topic, kind, state)));
        return new InterestStanding(InterestBook.weight(rows, settings, at) > settings.threshold(), false);
    }
}
