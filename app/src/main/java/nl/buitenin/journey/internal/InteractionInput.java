package nl.buitenin.journey.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.StorableText;
import nl.buitenin.privacy.PersonKey;

/**
 * One interaction as a sending system wrote it (JSON item or CSV row), before validation. Validation
 * names every wrong field, so a report can say exactly what to fix.
 *
 * @param at ISO-8601 with an offset, such as {@code 2026-03-01T10:15:00Z}
 */
public record InteractionInput(String sourceId, String touchpoint, String at, String person, String kind) {

    public static final int MAX_SOURCE_ID = 200;
    private static final Pattern SOURCE_ID = Pattern.compile("[\\p{Graph}]{1," + MAX_SOURCE_ID + "}");

    /** The valid interaction, or the errors per field; {@code now} bounds the time ({@link RecordedTimes}). */
    public Validated validate(Set<TouchpointId> knownTouchpoints, Instant now) {
        List<FieldError> errors = new ArrayList<>(StorableText.scan("", this));
        if (!errors.isEmpty()) {
            return new Validated(null, errors);
        }
        String source = sourceId == null ? "" : sourceId.strip();
        if (!SOURCE_ID.matcher(source).matches()) {
            errors.add(FieldError.of("sourceId", "journey.invalid.sourceId", MAX_SOURCE_ID));
        }
        TouchpointId touchpointId = touchpoint(errors, knownTouchpoints);
        Instant time = time(errors, now);
        PersonKey key = null;
        if (person != null && !person.isBlank()) {
            if (PersonKey.isValid(person.strip())) {
                key = new PersonKey(person.strip());
            } else {
                errors.add(FieldError.of("person", "journey.invalid.person", shorten(person)));
            }
        }
        InteractionKind interactionKind = kind(errors);
        if (!errors.isEmpty()) {
            return new Validated(null, errors);
        }
        return new Validated(new NewInteraction(source, touchpointId, time, key, interactionKind), List.of());
    }

    private TouchpointId touchpoint(List<FieldError> errors, Set<TouchpointId> known) {
        if (touchpoint == null || touchpoint.isBlank()) {
            errors.add(FieldError.of("touchpoint", "journey.invalid.touchpointRequired"));
            return null;
        }
        try {
            TouchpointId id = new TouchpointId(UUID.fromString(touchpoint.strip()));
            if (!known.contains(id)) {
                errors.add(FieldError.of("touchpoint", "journey.invalid.unknownTouchpoint", id));
                return null;
            }
            return id;
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("touchpoint", "journey.invalid.touchpointId", shorten(touchpoint)));
            return null;
        }
    }

    private Instant time(List<FieldError> errors, Instant now) {
        if (at == null || at.isBlank()) {
            errors.add(FieldError.of("at", "journey.invalid.atRequired"));
            return null;
        }
        try {
            Instant time = IsoTimes.parse(at.strip());
            Optional<FieldError> outOfBounds = RecordedTimes.check("at", time, at.strip(), now);
            if (outOfBounds.isPresent()) {
                errors.add(outOfBounds.get());
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("at", "journey.invalid.at", shorten(at)));
            return null;
        }
    }

    private InteractionKind kind(List<FieldError> errors) {
        if (kind == null || kind.isBlank()) {
            return InteractionKind.CONTACT;
        }
        try {
            return InteractionKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("kind", "journey.invalid.kind", shorten(kind)));
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Either an interaction or the reasons it is not one. */
    public record Validated(NewInteraction interaction, List<FieldError> errors) {

        public boolean isValid() {
            return interaction != null;
        }

        public String reason() {
            return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        }
    }
}
