package nl.buitenin.offers.internal;

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

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The interest settings as JSON, as stored and sent over the REST API: {@code kinds} by kind ({@code purchase},
 * {@code search}, {@code offer_click}, {@code visit}, {@code contact}) with {@code weight} and {@code halfLifeDays};
 * {@code threshold}; {@code purchaseCloses}. Fields left out take the default's.
 */
public record InterestSettingsFile(@Nullable Map<String, KindFile> kinds, @Nullable Double threshold, @Nullable Boolean purchaseCloses) {

    public record KindFile(@Nullable Double weight, @Nullable Double halfLifeDays) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public static InterestSettingsFile of(InterestSettings s) {
        Map<String, KindFile> kinds = new TreeMap<>();
        s.kinds().forEach((kind, rule) -> kinds.put(kind.name().toLowerCase(Locale.ROOT), new KindFile(rule.weight(), rule.halfLifeDays())));
        // A kind of the default that these settings left out is written as null: read back, it stays out instead of
        // taking the default's rule again.
        InterestSettings.sensibleDefault().kinds().keySet().stream().filter(kind -> !s.kinds().containsKey(kind))
                .forEach(kind -> kinds.put(kind.name().toLowerCase(Locale.ROOT), null));
        return new InterestSettingsFile(kinds, s.threshold(), s.purchaseCloses());
    }

    public static InterestSettingsFile read(String json) {
        try {
            InterestSettingsFile file = JSON.readValue(json, InterestSettingsFile.class);
            if (file == null) {
                throw InvalidInputException.of("settings", "offers.invalid.object");
            }
            return file;
        } catch (JacksonException e) {
            throw InvalidInputException.of(e.getLocation() == null ? "settings" : "line " + e.getLocation().getLineNr(),
                    "offers.invalid.json", String.valueOf(e.getOriginalMessage()));
        }
    }

    public String write() {
        return JSON.writeValueAsString(this);
    }

    public InterestSettings toSettings() {
        InterestSettings d = InterestSettings.sensibleDefault();
        List<FieldError> errors = new ArrayList<>();
        Map<InteractionKind, InterestSettings.KindRule> rules = new EnumMap<>(InteractionKind.class);
        rules.putAll(d.kinds());
        if (kinds != null) {
            kinds.forEach((name, file) -> {
                InteractionKind kind;
                try {
                    kind = InteractionKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("kinds", "offers.invalid.kind", name));
                    return;
                }
                InterestSettings.KindRule fallback = d.kinds().getOrDefault(kind, new InterestSettings.KindRule(0, 7));
                if (file == null) {
                    rules.remove(kind);
                    return;
                }
                rules.put(kind, new InterestSettings.KindRule(file.weight() == null ? fallback.weight() : file.weight(),
                        file.halfLifeDays() == null ? fallback.halfLifeDays() : file.halfLifeDays()));
            });
        }
        try {
            InterestSettings settings = new InterestSettings(rules, threshold == null ? d.threshold() : threshold,
                    purchaseCloses == null ? d.purchaseCloses() : purchaseCloses);
            if (errors.isEmpty()) {
                return settings;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }
}
