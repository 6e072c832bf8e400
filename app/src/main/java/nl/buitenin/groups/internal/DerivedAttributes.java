package nl.buitenin.groups.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Interactions.Occurred;
import nl.buitenin.journey.TouchpointId;

/**
 * The attributes a person's interactions say, with their history, as pure functions of the interactions (so computing
 * them again gives the same rows):
 * <ul>
 * <li>{@code purchases_12m}, {@code contacts_12m}, {@code visits_12m}, {@code interactions_12m}: how many interactions of
 * that kind (of any kind) in the 12 months up to a moment. The count goes up at each interaction and down 12 months
 * after it (in the organisation's time zone), so a value dated in the future says when it lapses unless a new
 * interaction comes;</li>
 * <li>{@code channel}: the channel of the latest interaction ({@code web}, {@code phone}, {@code location}, ...);</li>
 * <li>{@code product}: the journey of the latest purchase, by its Dutch name.</li>
 * </ul>
 * A value is written only where it changes. Interactions at an unknown touchpoint count in the numbers but set no
 * channel or product.
 * <p>
 * None of them is stored: they are computed from the interactions when they are read ({@link ComputedAttributes}).
 * Stored, they cost rows at every interaction (and, for a count, at its lapse) and a read and a write of each new
 * interaction's person's values while ingesting: most of the database's time in HTTP ingestion (BENCHMARKS.md,
 * <i>Scale</i>).
 */
public final class DerivedAttributes {

    /** The names derived: a rule naming one of them reads the interactions. */
    public static final List<String> NAMES = List.of("purchases_12m", "contacts_12m", "visits_12m", "interactions_12m", "channel", "product");

    /** The counts among them. */
    public static final Set<String> COUNTS = Set.of("purchases_12m", "contacts_12m", "visits_12m", "interactions_12m");

    private DerivedAttributes() {
    }

    /** Where a touchpoint is: its channel and its journey's Dutch name. */
    public record Place(Channel channel, String journeyNl) {
    }

    /** One derived value from a moment on. */
    public record Value(String name, String value, Instant from) {
    }

    /** The derived values of a person with these interactions (oldest first), in the order they take effect. */
    public static List<Value> of(List<Occurred> history, Function<TouchpointId, @Nullable Place> places, ZoneId zone) {
        TreeMap<Instant, Map<String, String>> changes = new TreeMap<>();
        // Each count: +1 at the interaction, -1 twelve months later.
        Map<String, TreeMap<Instant, Integer>> steps = new TreeMap<>();
        for (Occurred occurred : history) {
            Instant lapse = occurred.at().atZone(zone).plusMonths(12).toInstant();
            for (String name : List.of(countName(occurred.kind()), "interactions_12m")) {
                TreeMap<Instant, Integer> mine = steps.computeIfAbsent(name, n -> new TreeMap<>());
                mine.merge(occurred.at(), 1, Integer::sum);
                mine.merge(lapse, -1, Integer::sum);
            }
            Place place = places.apply(occurred.touchpoint());
            if (place != null) {
                changes.computeIfAbsent(occurred.at(), at -> new java.util.LinkedHashMap<>()).put("channel",
                        place.channel().name().toLowerCase(Locale.ROOT));
                if (occurred.kind() == InteractionKind.PURCHASE) {
                    String product = place.journeyNl().strip();
                    changes.get(occurred.at()).put("product", product.length() > GroupWork.MAX_VALUE ? product.substring(0, GroupWork.MAX_VALUE) : product);
                }
            }
        }
        steps.forEach((name, byMoment) -> {
            int count = 0;
            for (Map.Entry<Instant, Integer> step : byMoment.entrySet()) {
                count += step.getValue();
                changes.computeIfAbsent(step.getKey(), at -> new java.util.LinkedHashMap<>()).put(name, Integer.toString(count));
            }
        });
        List<Value> values = new ArrayList<>();
        Map<String, String> current = new java.util.HashMap<>();
        changes.forEach((at, byName) -> new TreeMap<>(byName).forEach((name, value) -> {
            if (!value.equals(current.put(name, value))) {
                values.add(new Value(name, value, at));
            }
        }));
        return values;
    }

    /** The counts among these values (for a history, {@link #of} without places gives the counts only). */
    public static List<Value> counts(List<Value> values) {
        return values.stream().filter(v -> COUNTS.contains(v.name())).toList();
    }

    private static String countName(InteractionKind kind) {
        return switch (kind) {
            case PURCHASE -> "purchases_12m";
            case CONTACT -> "contacts_12m";
            // A search on the site or a click on an offer is a visit of the site.
            case VISIT, SEARCH, OFFER_CLICK -> "visits_12m";
        };
    }
}
