package nl.buitenin.contact.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The settings of the contact policy. {@code sampleShare} is the share of contacts at a touchpoint
 * after which the person is asked (0.2 = one in five), overridden per touchpoint; the draw is per
 * person × touchpoint × sampling period, so the same person gets the same answer within a period.
 * Quiet hours run from {@code quietFrom} to {@code quietUntil} and may wrap past midnight; all
 * clock times and days are in {@code zone}, the organisation's time zone. An invitation after a contact that
 * falls in quiet time waits for the next allowed moment, at most {@code maxInvitationDelay} after the contact
 * (whole hours; zero: it never waits).
 */
public record Policy(double sampleShare, Map<TouchpointId, Double> touchpointShares, int samplingPeriodDays, int recontactDays,
        int capPerQuarter, int capPerYear, LocalTime quietFrom, LocalTime quietUntil, Set<DayOfWeek> quietDays,
        int operationalContactDays, Channel invitationChannel, ZoneId zone, java.time.Duration maxInvitationDelay) {

    /** The default of {@link #maxInvitationDelay}: an evening contact is still recent the next morning. */
    public static final java.time.Duration DEFAULT_MAX_INVITATION_DELAY = java.time.Duration.ofHours(24);
    /** The longest an invitation may wait: a week, as long as a contact is a moment to ask about at all. */
    public static final int MAX_INVITATION_DELAY_HOURS = 168;

    /** A policy with the default maximum delay of an invitation. */
    public Policy(double sampleShare, Map<TouchpointId, Double> touchpointShares, int samplingPeriodDays, int recontactDays,
            int capPerQuarter, int capPerYear, LocalTime quietFrom, LocalTime quietUntil, Set<DayOfWeek> quietDays,
            int operationalContactDays, Channel invitationChannel, ZoneId zone) {
        this(sampleShare, touchpointShares, samplingPeriodDays, recontactDays, capPerQuarter, capPerYear, quietFrom, quietUntil, quietDays,
                operationalContactDays, invitationChannel, zone, DEFAULT_MAX_INVITATION_DELAY);
    }

    public Policy {
        touchpointShares = touchpointShares == null ? Map.of() : Map.copyOf(touchpointShares);
        quietDays = quietDays == null || quietDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quietDays));
        List<FieldError> errors = new ArrayList<>();
        if (!(sampleShare >= 0 && sampleShare <= 1)) {
            errors.add(FieldError.of("sampleShare", "contact.invalid.sampleShare"));
        }
        touchpointShares.forEach((touchpoint, share) -> {
            if (share == null || !(share >= 0 && share <= 1)) {
                errors.add(FieldError.of("touchpointShares." + touchpoint, "contact.invalid.between", 0, 1));
            }
        });
        if (samplingPeriodDays < 1 || samplingPeriodDays > 366) {
            errors.add(FieldError.of("samplingPeriodDays", "contact.invalid.between", 1, 366));
        }
        if (recontactDays < 0 || recontactDays > 366) {
            errors.add(FieldError.of("recontactDays", "contact.invalid.between", 0, 366));
        }
        if (capPerQuarter < 0 || capPerQuarter > 100) {
            errors.add(FieldError.of("capPerQuarter", "contact.invalid.between", 0, 100));
        }
        if (capPerYear < capPerQuarter || capPerYear > 400) {
            errors.add(FieldError.of("capPerYear", "contact.invalid.capPerYear"));
        }
        if (quietFrom == null) {
            errors.add(FieldError.of("quietFrom", "contact.invalid.timeSuchAs", "20:00"));
        }
        if (quietUntil == null) {
            errors.add(FieldError.of("quietUntil", "contact.invalid.timeSuchAs", "09:00"));
        }
        if (operationalContactDays < 0 || operationalContactDays > 60) {
            errors.add(FieldError.of("operationalContactDays", "contact.invalid.between", 0, 60));
        }
        if (invitationChannel == null) {
            errors.add(FieldError.of("invitationChannel", "contact.invalid.chooseChannel", List.of(Channel.values()).toString()));
        }
        if (zone == null) {
            errors.add(FieldError.of("zone", "contact.invalid.zone"));
        }
        if (maxInvitationDelay == null || maxInvitationDelay.isNegative()
                || maxInvitationDelay.compareTo(java.time.Duration.ofHours(MAX_INVITATION_DELAY_HOURS)) > 0) {
            errors.add(FieldError.of("maxInvitationDelayHours", "contact.invalid.between", 0, MAX_INVITATION_DELAY_HOURS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The starting point: one in five contacts, 30 days between invitations, at most 2 a quarter and
     * 4 a year, nothing between 20:00 and 09:00 or on Sunday, not within 3 days of another contact,
     * by e-mail.
     */
    public static Policy sensibleDefault(ZoneId zone) {
        return new Policy(0.2, Map.of(), 30, 30, 2, 4, LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.SUNDAY), 3,
                Channel.EMAIL, zone);
    }

    public double shareFor(TouchpointId touchpoint) {
        Double share = touchpointShares.get(touchpoint);
        return share == null ? sampleShare : share;
    }

    public Policy inZone(ZoneId otherZone) {
        return new Policy(sampleShare, touchpointShares, samplingPeriodDays, recontactDays, capPerQuarter, capPerYear, quietFrom,
                quietUntil, quietDays, operationalContactDays, invitationChannel, otherZone, maxInvitationDelay);
    }

    /** The same policy with another maximum delay of an invitation after its contact. */
    public Policy withMaxInvitationDelay(java.time.Duration delay) {
        return new Policy(sampleShare, touchpointShares, samplingPeriodDays, recontactDays, capPerQuarter, capPerYear, quietFrom,
                quietUntil, quietDays, operationalContactDays, invitationChannel, zone, delay);
    }

    /**
     * The first moment at or after {@code from} that is neither in the quiet hours nor on a quiet day,
     * in the policy's zone: the end of the quiet hours, or the start of the next day that is not quiet
     * (and then its quiet hours' end when those run past midnight). Empty when every day is quiet.
     */
    public java.util.Optional<java.time.Instant> nextAllowedMoment(java.time.Instant from) {
        java.time.ZonedDateTime at = from.atZone(zone);
        // Eight days reach every weekday; a day is left at most twice (quiet hours, then the day itself).
        for (int step = 0; step < 24; step++) {
            if (quietDays.contains(at.getDayOfWeek())) {
                at = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            } else if (isQuiet(at.toLocalTime())) {
                java.time.LocalDate day = at.toLocalTime().isBefore(quietUntil) ? at.toLocalDate() : at.toLocalDate().plusDays(1);
                at = day.atTime(quietUntil).atZone(zone);
            } else {
                return java.util.Optional.of(at.toInstant());
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a clock time falls in the quiet hours; an empty range (from == until) is never quiet. */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
