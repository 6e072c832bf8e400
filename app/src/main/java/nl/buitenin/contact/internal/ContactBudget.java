package nl.buitenin.contact.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;

/**
 * The shared contact budget as a rule: counts, in one pass over the person's log, the messages of every kind and of the
 * kind asked for in the current calendar week (from Monday), month and quarter, in the organisation's time zone, and
 * objects when a limit is reached. Plain Java, no storage.
 */
public final class ContactBudget {

    private ContactBudget() {
    }

    /** What the log holds in this week, month and quarter: every kind together, and the kind asked for. */
    public record Use(int week, int month, int quarter, int kindWeek, int kindMonth, int kindQuarter) {
    }

    /** Counts the log from the start of this week, month and quarter up to {@code now}. */
    public static Use count(List<LoggedContact> log, ContactKind kind, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        Instant month = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant quarter = today.with(IsoFields.DAY_OF_QUARTER, 1).atStartOfDay(zone).toInstant();
        int w = 0;
        int m = 0;
        int q = 0;
        int kw = 0;
        int km = 0;
        int kq = 0;
        for (LoggedContact contact : log) {
            Instant at = contact.at();
            if (at.isAfter(now) || at.isBefore(quarter) && at.isBefore(week)) {
                continue;
            }
            boolean same = contact.kind() == kind;
            if (!at.isBefore(week)) {
                w++;
                kw += same ? 1 : 0;
            }
            if (!at.isBefore(month)) {
                m++;
                km += same ? 1 : 0;
            }
            if (!at.isBefore(quarter)) {
                q++;
                kq += same ? 1 : 0;
            }
        }
        return new Use(w, m, q, kw, km, kq);
    }

    /** The objections of the budget to one more message of {@code kind} now; empty when it fits. */
    public static List<Reason> check(OfferPolicy policy, List<LoggedContact> log, ContactKind kind, ZoneId zone, Instant now) {
        Use use = count(log, kind, zone, now);
        List<Reason> reasons = new ArrayList<>(1);
        OfferPolicy.Limits all = policy.budget();
        if (use.week() >= all.perWeek()) {
            reasons.add(new Reason(ReasonCode.BUDGET_WEEK,
                    "Deze week al " + use.week() + " keer benaderd (aanbiedingen, uitnodigingen, herinneringen en berichten samen); het maximum is " + all.perWeek() + ".",
                    "Already contacted " + use.week() + " times this week (offers, invitations, reminders and messages together); the maximum is " + all.perWeek() + "."));
        }
        if (use.month() >= all.perMonth()) {
            reasons.add(new Reason(ReasonCode.BUDGET_MONTH,
                    "Deze maand al " + use.month() + " keer benaderd (alle soorten berichten samen); het maximum is " + all.perMonth() + ".",
                    "Already contacted " + use.month() + " times this month (every kind of message together); the maximum is " + all.perMonth() + "."));
        }
        if (use.quarter() >= all.perQuarter()) {
            reasons.add(new Reason(ReasonCode.BUDGET_QUARTER,
                    "Dit kwartaal al " + use.quarter() + " keer benaderd (alle soorten berichten samen); het maximum is " + all.perQuarter() + ".",
                    "Already contacted " + use.quarter() + " times this quarter (every kind of message together); the maximum is " + all.perQuarter() + "."));
        }
        OfferPolicy.Limits own = policy.limitsOf(kind);
        if (own != null) {
            List<String> nl = new ArrayList<>();
            List<String> en = new ArrayList<>();
            if (use.kindWeek() >= own.perWeek()) {
                nl.add(own.perWeek() + " per week");
                en.add(own.perWeek() + " a week");
            }
            if (use.kindMonth() >= own.perMonth()) {
                nl.add(own.perMonth() + " per maand");
                en.add(own.perMonth() + " a month");
            }
            if (use.kindQuarter() >= own.perQuarter()) {
                nl.add(own.perQuarter() + " per kwartaal");
                en.add(own.perQuarter() + " a quarter");
            }
            if (!nl.isEmpty()) {
                reasons.add(new Reason(ReasonCode.KIND_BUDGET,
                        "Het eigen deel van " + kindNl(kind) + " in het contactbudget is op (hoogstens " + String.join(", ", nl) + ").",
                        "The share of " + kindEn(kind) + " in the contact budget is used up (at most " + String.join(", ", en) + ")."));
            }
        }
        return reasons;
    }

    static String kindNl(ContactKind kind) {
        return switch (kind) {
            case INVITATION -> "uitnodigingen";
            case REMINDER -> "herinneringen";
            case TOLD_BACK -> "berichten over wat we deden";
            case OFFER -> "aanbiedingen";
        };
    }

    static String kindEn(ContactKind kind) {
        return switch (kind) {
            case INVITATION -> "invitations";
            case REMINDER -> "reminders";
            case TOLD_BACK -> "messages about what we did";
            case OFFER -> "offers";
        };
    }
}
