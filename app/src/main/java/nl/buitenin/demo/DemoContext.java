package nl.buitenin.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What every demo step shares: the scale, the period, and a random generator per step derived from
 * the one seed, so that adding a step does not change what the others generate.
 *
 * @param people number of people the organisation serves
 * @param seed   the seed of everything random
 * @param today  the last day of the demo's history; the history runs two years back from it
 * @param zone   the organisation's time zone
 */
public record DemoContext(int people, long seed, LocalDate today, ZoneId zone, Map<String, Object> shared) {

    public DemoContext {
        if (people < 10) {
            throw new IllegalArgumentException("the demo needs at least 10 people, got " + people);
        }
        shared = shared == null ? new HashMap<>() : shared;
    }

    public DemoContext(int people, long seed, LocalDate today, ZoneId zone) {
        this(people, seed, today, zone, new HashMap<>());
    }

    /** A generator of its own for one step: the same seed and name give the same sequence. */
    public Random random(String stepName) {
        return new Random(seed ^ (stepName.hashCode() * 0x9E3779B97F4A7C15L));
    }

    public LocalDate firstDay() {
        return today.minusYears(2).plusDays(1);
    }

    /** Lets a step leave something for a later one, such as the touchpoints it created. */
    public void put(String key, Object value) {
        shared.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) shared.get(key);
    }
}
