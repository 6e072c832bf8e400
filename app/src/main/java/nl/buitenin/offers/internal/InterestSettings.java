package nl.buitenin.offers.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * How interactions make interests: per kind of interaction the weight it adds and the half-life in days over which that
 * weight halves; an interest counts only above {@code threshold}; with {@code purchaseCloses} a purchase on a topic closes
 * it ("already bought"). A kind without a rule adds nothing.
 */
public record InterestSettings(Map<InteractionKind, KindRule> kinds, double threshold, boolean purchaseCloses) {

    /** What one interaction of a kind adds, and how fast that fades. */
    public record KindRule(double weight, double halfLifeDays) {

        public Duration halfLife() {
            return Duration.ofSeconds(Math.round(halfLifeDays * 86_400));
        }
    }

    public InterestSettings {
        List<FieldError> errors = new ArrayList<>();
        Map<InteractionKind, KindRule> copy = new EnumMap<>(InteractionKind.class);
        if (kinds != null) {
            kinds.forEach((kind, rule) -> {
                String field = "kinds." + kind.name().toLowerCase(java.util.Locale.ROOT);
                if (rule == null) {
                    return;
                }
                if (!(rule.weight() >= 0 && rule.weight() <= 100)) {
                    errors.add(FieldError.of(field + ".weight", "offers.invalid.between", 0, 100));
                }
                if (!(rule.halfLifeDays() >= 0.01 && rule.halfLifeDays() <= 3650)) {
                    errors.add(FieldError.of(field + ".halfLifeDays", "offers.invalid.between", "0,01", 3650));
                }
                copy.put(kind, rule);
            });
        }
        kinds = Map.copyOf(copy);
        if (!(threshold > 0 && threshold <= 100)) {
            errors.add(FieldError.of("threshold", "offers.invalid.threshold"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The starting point: a booking or purchase adds 1 and halves in 14 days (a once-in-a-lifetime trip is no sign of
     * wanting the same again), a click on an offer 0,5 in 7 days, a search 0,4 in 10 days, a visit 0,2 in 7 days, a contact
     * nothing; an interest counts above 0,5, so one booking counts for two weeks and a single search never; a purchase does
     * not close the topic.
     */
    public static InterestSettings sensibleDefault() {
        return new InterestSettings(Map.of(
                InteractionKind.PURCHASE, new KindRule(1.0, 14),
                InteractionKind.OFFER_CLICK, new KindRule(0.5, 7),
                InteractionKind.SEARCH, new KindRule(0.4, 10),
                InteractionKind.VISIT, new KindRule(0.2, 7)), 0.5, false);
    }

    public @Nullable KindRule ruleOf(InteractionKind kind) {
        KindRule rule = kinds.get(kind);
        return rule == null || rule.weight() == 0 ? null : rule;
    }
}
