package nl.buitenin.contact.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The shared contact budget and the offer rules as JSON: how they are stored and sent over the REST API. Fields left out
 * take the default of {@link OfferPolicy#sensibleDefault}; {@code kinds} names kinds as {@code OFFER}, {@code INVITATION},
 * {@code REMINDER} or {@code TOLD_BACK}.
 */
public record OfferPolicyFile(@Nullable LimitsFile budget, @Nullable Map<String, LimitsFile> kinds, @Nullable Integer topicCap,
        @Nullable Integer topicCapDays, @Nullable Integer recentSurveyDays) {

    /** Limits per week, month and quarter; one left out takes the default's. */
    public record LimitsFile(@Nullable Integer perWeek, @Nullable Integer perMonth, @Nullable Integer perQuarter) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public static OfferPolicyFile of(OfferPolicy p) {
        Map<String, LimitsFile> kinds = new TreeMap<>();
        p.kindBudgets().forEach((kind, limits) -> kinds.put(kind.name(), file(limits)));
        return new OfferPolicyFile(file(p.budget()), kinds, p.topicCap(), p.topicCapDays(), p.recentSurveyDays());
    }

    public static OfferPolicyFile read(String json) {
        try {
            OfferPolicyFile file = JSON.readValue(json, OfferPolicyFile.class);
            if (file == null) {
                throw InvalidInputException.of("budget", "contact.invalid.policyObject");
            }
            return file;
        } catch (JacksonException e) {
            throw InvalidInputException.of(e.getLocation() == null ? "budget" : "line " + e.getLocation().getLineNr(),
                    "contact.invalid.json", String.valueOf(e.getOriginalMessage()));
        }
    }

    public String write() {
        return JSON.writeValueAsString(this);
    }

    public OfferPolicy toPolicy() {
        OfferPolicy d = OfferPolicy.sensibleDefault();
        List<FieldError> errors = new ArrayList<>();
        Map<ContactKind, OfferPolicy.Limits> kindLimits = new EnumMap<>(ContactKind.class);
        if (kinds == null) {
            kindLimits.putAll(d.kindBudgets());
        } else {
            kinds.forEach((name, limits) -> {
                try {
                    ContactKind kind = ContactKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
                    OfferPolicy.Limits fallback = d.limitsOf(kind) == null ? d.budget() : d.limitsOf(kind);
                    kindLimits.put(kind, limits == null ? null : limits(limits, fallback));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("kinds", "contact.invalid.kind", name, List.of(ContactKind.values()).toString()));
                }
            });
        }
        try {
            OfferPolicy policy = new OfferPolicy(budget == null ? d.budget() : limits(budget, d.budget()), kindLimits,
                    or(topicCap, d.topicCap()), or(topicCapDays, d.topicCapDays()), or(recentSurveyDays, d.recentSurveyDays()));
            if (errors.isEmpty()) {
                return policy;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }

    private static OfferPolicy.Limits limits(LimitsFile file, OfferPolicy.Limits fallback) {
        return new OfferPolicy.Limits(or(file.perWeek(), fallback.perWeek()), or(file.perMonth(), fallback.perMonth()),
                or(file.perQuarter(), fallback.perQuarter()));
    }

    private static LimitsFile file(OfferPolicy.Limits limits) {
        return new LimitsFile(limits.perWeek(), limits.perMonth(), limits.perQuarter());
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
