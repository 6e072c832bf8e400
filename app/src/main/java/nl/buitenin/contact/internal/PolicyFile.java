package nl.buitenin.contact.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The contact policy as JSON: how it is stored, sent over the REST API and given to
 * {@code simulate-policy --policy}. Times as {@code HH:mm}, days as {@code MONDAY}…, shares 0–1.
 * Fields left out take the default of {@link Policy#sensibleDefault}.
 */
public record PolicyFile(Double sampleShare, Map<String, Double> touchpointShares, Integer samplingPeriodDays, Integer recontactDays,
        Integer capPerQuarter, Integer capPerYear, String quietFrom, String quietUntil, List<String> quietDays, Integer operationalContactDays,
        String invitationChannel, Integer maxInvitationDelayHours) {

    /** A file without the maximum delay of an invitation (it takes the default, 24 hours). */
    public PolicyFile(Double sampleShare, Map<String, Double> touchpointShares, Integer samplingPeriodDays, Integer recontactDays,
            Integer capPerQuarter, Integer capPerYear, String quietFrom, String quietUntil, List<String> quietDays,
            Integer operationalContactDays, String invitationChannel) {
        this(sampleShare, touchpointShares, samplingPeriodDays, recontactDays, capPerQuarter, capPerYear, quietFrom, quietUntil, quietDays,
                operationalContactDays, invitationChannel, null);
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public static PolicyFile of(Policy p) {
        Map<String, Double> shares = new TreeMap<>();
        p.touchpointShares().forEach((touchpoint, share) -> shares.put(touchpoint.toString(), share));
        return new PolicyFile(p.sampleShare(), shares, p.samplingPeriodDays(), p.recontactDays(), p.capPerQuarter(), p.capPerYear(),
                p.quietFrom().toString(), p.quietUntil().toString(),
                p.quietDays().stream().sorted().map(DayOfWeek::name).toList(), p.operationalContactDays(), p.invitationChannel().name(),
                (int) p.maxInvitationDelay().toHours());
    }

    public static PolicyFile read(String json) {
        try {
            PolicyFile file = JSON.readValue(json, PolicyFile.class);
            if (file == null) {
                // The JSON literal null reads as no object at all.
                throw InvalidInputException.of("policy", "contact.invalid.policyObject");
            }
            return file;
        } catch (JacksonException e) {
            throw InvalidInputException.of(e.getLocation() == null ? "policy" : "line " + e.getLocation().getLineNr(),
                    "contact.invalid.json", String.valueOf(e.getOriginalMessage()));
        }
    }

    public String write() {
        return JSON.writeValueAsString(this);
    }

    public Policy toPolicy(ZoneId zone) {
        Policy d = Policy.sensibleDefault(zone);
        List<FieldError> errors = new ArrayList<>();
        Map<TouchpointId, Double> shares = new LinkedHashMap<>();
        if (touchpointShares != null) {
            touchpointShares.forEach((id, share) -> {
                try {
                    if (share == null) {
                        // JSON null as a share (found by PolicyFileFuzzTest): Policy copies the map, which refuses nulls.
                        errors.add(FieldError.of("touchpointShares." + id, "contact.invalid.between", 0, 1));
                        return;
                    }
                    shares.put(TouchpointId.of(id), share);
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("touchpointShares", "contact.invalid.touchpoint", id));
                }
            });
        }
        LocalTime from = time("quietFrom", quietFrom, d.quietFrom(), errors);
        LocalTime until = time("quietUntil", quietUntil, d.quietUntil(), errors);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (quietDays == null) {
            days.addAll(d.quietDays());
        } else {
            for (String day : quietDays) {
                try {
                    days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
                } catch (RuntimeException e) {
                    errors.add(FieldError.of("quietDays", "contact.invalid.day", day));
                }
            }
        }
        Channel channel = d.invitationChannel();
        if (invitationChannel != null) {
            try {
                channel = Channel.valueOf(invitationChannel.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("invitationChannel", "contact.invalid.channel", invitationChannel, List.of(Channel.values()).toString()));
            }
        }
        try {
            Policy policy = new Policy(or(sampleShare, d.sampleShare()), shares, or(samplingPeriodDays, d.samplingPeriodDays()),
                    or(recontactDays, d.recontactDays()), or(capPerQuarter, d.capPerQuarter()), or(capPerYear, d.capPerYear()), from, until, days,
                    or(operationalContactDays, d.operationalContactDays()), channel, zone,
                    maxInvitationDelayHours == null ? d.maxInvitationDelay() : java.time.Duration.ofHours(maxInvitationDelayHours));
            if (errors.isEmpty()) {
                return policy;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }

    private static LocalTime time(String field, String text, LocalTime fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "contact.invalid.time", text));
            return fallback;
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
