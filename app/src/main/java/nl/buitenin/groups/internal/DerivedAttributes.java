package nl.buitenin.groups.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
public final class DerivedAttributes {

    /** The names derived, for the documentation and the page. */
    public static final List<String> NAMES = List.of("purchases_12m", "contacts_12m", "visits_12m", "interactions_12m", "channel", "product");

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

    /**
     * How far back before {@code since} a history must reach for {@link #from}: a count just before {@code since} holds
     * the interactions of the twelve months before it (each lapses twelve months after it in the organisation's time
     * zone), and a month more covers the shorter months and a change of clocks.
     */
    public static Instant windowStart(Instant since, ZoneId zone) {
        return since.atZone(zone).minusMonths(13).toInstant();
    }

    /**
     * The person's derived values from {@code since} on, when nothing before {@code since} changed: what {@link #of}
     * gives for the whole history from that moment on, computed from only part of it. {@code before} holds the values in
     * effect just before {@code since} (the stored ones); {@code window} the interactions from
     * {@link #windowStart}{@code (since)} on, oldest first (more is allowed). The counts just before {@code since} are
     * exact from the window alone; a channel or product set before the window is taken from {@code before}. New
     * interactions arrive for the recent past, so a person with years of history is then read for a year, not for years.
     */
    public static List<Value> from(Instant since, Map<String, String> before, List<Occurred> window,
            Function<TouchpointId, @Nullable Place> places, ZoneId zone) {
        Map<String, String> current = new java.util.HashMap<>(before);
        List<Value> values = new ArrayList<>();
        for (Value value : of(window, places, zone)) {
            if (value.from().isBefore(since)) {
                current.put(value.name(), value.value());
            } else if (!value.value().equals(current.put(value.name(), value.value()))) {
                values.add(value);
            }
        }
        return values;
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
