package nl.buitenin.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.contact.ToldBackFacts;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/**
 * Evaluates every rule of a {@link Policy} for one person and returns all objections (an empty list
 * means allowed). Plain Java, no storage: one pass over the person's past contacts counts what the
 * window and the caps need. Thread-safe.
 */
public final class PolicyEngine {

    private final Sampler sampler;

    public PolicyEngine(Sampler sampler) {
        this.sampler = sampler;
    }

    public List<Reason> decide(Policy policy, PersonFacts facts, PersonKey person, TouchpointId touchpoint, Instant now) {
        return decide(policy, facts, person, touchpoint, ContactKind.INVITATION, now);
    }

    public List<Reason> decide(Policy policy, PersonFacts facts, PersonKey person, TouchpointId touchpoint, ContactKind kind, Instant now) {
        ReasonTexts reasonTexts = ReasonTexts.of(policy);
        List<Reason> reasons = new ArrayList<>(2);
        ZonedDateTime local = now.atZone(policy.zone());
        LocalDate today = local.toLocalDate();

        if (!facts.consentGiven()) {
            reasons.add(reasonTexts.get(ReasonCode.NO_CONSENT));
        }
        if (facts.doNotAsk()) {
            reasons.add(reasonTexts.get(ReasonCode.DO_NOT_ASK));
        }
        if (!facts.preferredChannels().isEmpty() && !facts.preferredChannels().contains(policy.invitationChannel())) {
            reasons.add(reasonTexts.get(ReasonCode.CHANNEL_NOT_PREFERRED));
        }
        if (kind == ContactKind.INVITATION) {
            long period = Math.floorDiv(today.toEpochDay(), policy.samplingPeriodDays());
            if (!sampler.inSample(person, touchpoint, period, policy.shareFor(touchpoint))) {
                reasons.add(reasonTexts.get(ReasonCode.NOT_SAMPLED));
            }
        } else if (!facts.remindersWanted()) {
            reasons.add(reasonTexts.get(ReasonCode.REMINDER_NOT_WANTED));
        }
        countPastContacts(policy, facts, kind, now, local, reasonTexts, reasons);
        if (policy.isQuiet(local.toLocalTime())) {
            reasons.add(reasonTexts.get(ReasonCode.QUIET_HOURS));
        }
        if (policy.quietDays().contains(today.getDayOfWeek())) {
            reasons.add(reasonTexts.get(ReasonCode.QUIET_DAY));
        }
        if (facts.openCase()) {
            reasons.add(reasonTexts.get(ReasonCode.OPEN_CASE));
        }
        Instant operationalSince = now.minus(Duration.ofDays(policy.operationalContactDays()));
        // A told-back message is a contact like a service call: no survey right behind it.
        if (facts.recentOperationalContacts().stream().anyMatch(at -> at.isAfter(operationalSince) && !at.isAfter(now))
                || facts.contacts().stream().anyMatch(c -> c.kind() == ContactKind.TOLD_BACK
                        && c.at().isAfter(operationalSince) && !c.at().isAfter(now))) {
            reasons.add(reasonTexts.get(ReasonCode.RECENT_OPERATIONAL_CONTACT));
        }
        return reasons;
    }

    /**
     * The rules for a told-back message ("you said, we did"): the person must still be known, must not
     * have withdrawn consent and must not have chosen "do not contact"; quiet hours and quiet days hold
     * the message back (the caller defers it to {@link Policy#nextAllowedMoment}). Sampling, the recontact
     * window, the caps, an open case and recent operational contact do not apply: it answers what the
     * person raised, it asks nothing, and holding it back for a survey cap would break the promise.
     */
    public List<Reason> decideToldBack(Policy policy, ToldBackFacts facts, Instant now) {
        ReasonTexts reasonTexts = ReasonTexts.of(policy);
        List<Reason> reasons = new ArrayList<>(2);
        if (!facts.known()) {
            reasons.add(reasonTexts.get(ReasonCode.PERSON_UNKNOWN));
        }
        if (!facts.consentGiven()) {
            reasons.add(reasonTexts.get(ReasonCode.NO_CONSENT));
        }
        if (facts.doNotContact()) {
            reasons.add(reasonTexts.get(ReasonCode.DO_NOT_CONTACT));
        }
        ZonedDateTime local = now.atZone(policy.zone());
        if (policy.isQuiet(local.toLocalTime())) {
            reasons.add(reasonTexts.get(ReasonCode.QUIET_HOURS));
        }
        if (policy.quietDays().contains(local.getDayOfWeek())) {
            reasons.add(reasonTexts.get(ReasonCode.QUIET_DAY));
        }
        return reasons;
    }

    /** Whether only the clock objects: the message may go out later, at the next allowed moment. */
    public static boolean onlyQuietTime(List<Reason> reasons) {
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> r.code() == ReasonCode.QUIET_HOURS || r.code() == ReasonCode.QUIET_DAY);
    }

    /**
     * What becomes of an invitation after a contact at {@code contactAt} that the rules answered with {@code reasons} at
     * {@code now}: held back only by quiet hours or a quiet day, it waits for the policy's next allowed moment, provided
     * that moment is at most {@link Policy#maxInvitationDelay()} after the contact; past that it is refused, with
     * {@link ReasonCode#TOO_LONG_AFTER_CONTACT} added to its reasons. Any other refusal, and an allowed invitation, stay
     * as they are. The one rule for the stored policy and for {@code simulate-policy} alike.
     */
    public Postponement postponeInvitation(Policy policy, List<Reason> reasons, Instant now, Instant contactAt) {
        if (!onlyQuietTime(reasons)) {
            return new Postponement(reasons, null);
        }
        Optional<Instant> next = policy.nextAllowedMoment(now);
        if (next.isPresent() && !next.get().isAfter(contactAt.plus(policy.maxInvitationDelay()))) {
            return new Postponement(reasons, next.get());
        }
        List<Reason> refused = new ArrayList<>(reasons);
        refused.add(ReasonTexts.of(policy).get(ReasonCode.TOO_LONG_AFTER_CONTACT));
        return new Postponement(List.copyOf(refused), null);
    }

    /**
     * The outcome of {@link #postponeInvitation}: the reasons (the quiet time's, plus "too long after the contact" when it
     * may not wait), and the moment it waits for, or null when it does not wait.
     */
    public record Postponement(List<Reason> reasons, @Nullable Instant until) {

        public boolean postponed() {
            return until != null;
        }
    }

    /** The recontact window (invitations only) and the caps (invitations and reminders alike), in one pass. */
    private static void countPastContacts(Policy policy, PersonFacts facts, ContactKind kind, Instant now, ZonedDateTime local,
            ReasonTexts texts, List<Reason> reasons) {
        LocalDate today = local.toLocalDate();
        Instant quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1).atStartOfDay(policy.zone()).toInstant();
        Instant yearStart = today.withDayOfYear(1).atStartOfDay(policy.zone()).toInstant();
        Instant windowStart = now.minus(Duration.ofDays(policy.recontactDays()));
        boolean inWindow = false;
        int thisQuarter = 0;
        int thisYear = 0;
        for (PastContact contact : facts.contacts()) {
            Instant at = contact.at();
            // Told-back messages answer the person; they are not survey contacts and do not fill the caps. Offers fill the
            // shared contact budget (ContactBudget), not the survey caps.
            if (at.isAfter(now) || contact.kind() == ContactKind.TOLD_BACK || contact.kind() == ContactKind.OFFER) {
                continue;
            }
            if (contact.kind() == ContactKind.INVITATION && at.isAfter(windowStart)) {
                inWindow = true;
            }
            if (!at.isBefore(yearStart)) {
                thisYear++;
                if (!at.isBefore(quarterStart)) {
                    thisQuarter++;
                }
            }
        }
        if (kind == ContactKind.INVITATION && inWindow) {
            reasons.add(texts.get(ReasonCode.RECONTACT_WINDOW));
        }
        if (thisQuarter >= policy.capPerQuarter()) {
            reasons.add(texts.get(ReasonCode.QUARTER_CAP));
        }
        if (thisYear >= policy.capPerYear()) {
            reasons.add(texts.get(ReasonCode.YEAR_CAP));
        }
    }
}
