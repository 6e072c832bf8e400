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

import org.jspecify.annotations.Nullable;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.StaffFields;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.StorableText;
import nl.buitenin.privacy.PersonKey;

/**
 * One interaction as a sending system wrote it (JSON item or CSV row), before validation. Validation
 * names every wrong field, so a report can say exactly what to fix.
 *
 * @param at         ISO-8601 with an offset, such as {@code 2026-03-01T10:15:00Z}
 * @param reason     why the person made contact, free text of at most {@value #MAX_REASON} characters (line breaks and
 *                   tabs allowed, no other control characters); optional
 * @param reasonCode the sending system's code for the reason (letters, digits and {@code . _ : / -}); optional
 * @param staff      the pseudonymous reference of the staff member who served the person ({@link StaffFields}); optional
 * @param team       the team of that staff member ({@link StaffFields}); optional
 * @param topic      what the interaction was about for the person's interests, such as a destination or a product
 *                   ({@code Cuba}); 1 to {@value #MAX_TOPIC} letters, digits, spaces and {@code . - & ' ( ) / :}; optional
 */
public record InteractionInput(String sourceId, String touchpoint, String at, String person, String kind,
        @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team, @Nullable String topic) {

    public static final int MAX_TOPIC = 100;
    private static final Pattern TOPIC = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .&'()/:-]{0," + (MAX_TOPIC - 1) + "}");

    /** An interaction without a topic. */
    public InteractionInput(String sourceId, String touchpoint, String at, String person, String kind,
            @Nullable String reason, @Nullable String reasonCode, @Nullable String staff, @Nullable String team) {
        this(sourceId, touchpoint, at, person, kind, reason, reasonCode, staff, team, null);
    }

    public static final int MAX_SOURCE_ID = 200;
    public static final int MAX_REASON = 1000;
    public static final int MAX_REASON_CODE = 64;
    private static final Pattern SOURCE_ID = Pattern.compile("[\\p{Graph}]{1," + MAX_SOURCE_ID + "}");
    private static final Pattern REASON_CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/-]{0," + (MAX_REASON_CODE - 1) + "}");

    /** An interaction without a reason. */
    public InteractionInput(String sourceId, String touchpoint, String at, String person, String kind) {
        this(sourceId, touchpoint, at, person, kind, null, null);
    }

    /** An interaction without staff and team. */
    public InteractionInput(String sourceId, String touchpoint, String at, String person, String kind, @Nullable String reason,
            @Nullable String reasonCode) {
        this(sourceId, touchpoint, at, person, kind, reason, reasonCode, null, null);
    }

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
        String why = reason(errors);
        String code = reasonCode(errors);
        StaffFields.staffError("staff", staff).ifPresent(errors::add);
        StaffFields.teamError("team", team).ifPresent(errors::add);
        String about = topic(errors);
        if (!errors.isEmpty()) {
            return new Validated(null, errors);
        }
        return new Validated(new NewInteraction(source, touchpointId, time, key, interactionKind, why, code, StaffFields.given(staff),
                StaffFields.given(team), about), List.of());
    }

    /** The reason without surrounding white space; null when not given. */
    private @Nullable String reason(List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String text = reason.strip();
        if (text.length() > MAX_REASON) {
            errors.add(FieldError.of("reason", "journey.invalid.atMost", MAX_REASON));
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A bell or an escape code says nothing and breaks a CSV export or a terminal; line breaks and tabs are text.
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                errors.add(FieldError.of("reason", "journey.invalid.reasonControl", String.format("U+%04X", (int) c), i + 1));
                return null;
            }
        }
        return text;
    }

    /** The topic with its white space collapsed; null when not given. */
    private @Nullable String topic(List<FieldError> errors) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        String text = topic.strip().replaceAll("\\s+", " ");
        if (!TOPIC.matcher(text).matches()) {
            errors.add(FieldError.of("topic", "journey.invalid.topic", shorten(text), MAX_TOPIC));
            return null;
        }
        return text;
    }

    private @Nullable String reasonCode(List<FieldError> errors) {
        if (reasonCode == null || reasonCode.isBlank()) {
            return null;
        }
        String code = reasonCode.strip();
        if (!REASON_CODE.matcher(code).matches()) {
            errors.add(FieldError.of("reasonCode", "journey.invalid.reasonCode", shorten(code), MAX_REASON_CODE));
            return null;
        }
        return code;
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
