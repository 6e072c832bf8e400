package nl.buitenin.contact.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The shared contact budget and the rules that only offers have. The budget counts every message sent to a person
 * (offers, invitations, reminders and told-back messages together) per calendar week, month and quarter in the
 * organisation's time zone; each kind may have a smaller share of its own. Offers, invitations and reminders are refused
 * once a budget is used up; a told-back message is a promised reply and is never refused by it, but it counts.
 *
 * @param budget           every kind together
 * @param kindBudgets      per kind its own limits (absent: only the shared budget applies)
 * @param topicCap         at most this many offers on one topic …
 * @param topicCapDays     … within this many days
 * @param recentSurveyDays no offer within this many days after a survey invitation
 */
public record OfferPolicy(Limits budget, Map<ContactKind, Limits> kindBudgets, int topicCap, int topicCapDays, int recentSurveyDays) {

    /** How many messages per calendar week, month and quarter. */
    public record Limits(int perWeek, int perMonth, int perQuarter) {

        List<FieldError> errors(String field) {
            List<FieldError> errors = new ArrayList<>();
            if (perWeek < 0 || perWeek > 100) {
                errors.add(FieldError.of(field + ".perWeek", "contact.invalid.between", 0, 100));
            }
            if (perMonth < perWeek || perMonth > 400) {
                errors.add(FieldError.of(field + ".perMonth", "contact.invalid.budgetOrder", perWeek, 400));
            }
            if (perQuarter < perMonth || perQuarter > 1200) {
                errors.add(FieldError.of(field + ".perQuarter", "contact.invalid.budgetOrder", perMonth, 1200));
            }
            return errors;
        }
    }

    public OfferPolicy {
        List<FieldError> errors = new ArrayList<>();
        if (budget == null) {
            errors.add(FieldError.of("budget", "contact.invalid.budgetMissing"));
        } else {
            errors.addAll(budget.errors("budget"));
        }
        Map<ContactKind, Limits> kinds = new EnumMap<>(ContactKind.class);
        if (kindBudgets != null) {
            kindBudgets.forEach((kind, limits) -> {
                String field = "kinds." + kind.name();
                if (limits == null) {
                    errors.add(FieldError.of(field, "contact.invalid.budgetMissing"));
                } else {
                    errors.addAll(limits.errors(field));
                    kinds.put(kind, limits);
                }
            });
        }
        kindBudgets = Map.copyOf(kinds);
        if (topicCap < 0 || topicCap > 100) {
            errors.add(FieldError.of("topicCap", "contact.invalid.between", 0, 100));
        }
        if (topicCapDays < 1 || topicCapDays > 366) {
            errors.add(FieldError.of("topicCapDays", "contact.invalid.between", 1, 366));
        }
        if (recentSurveyDays < 0 || recentSurveyDays > 60) {
            errors.add(FieldError.of("recentSurveyDays", "contact.invalid.between", 0, 60));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The starting point: at most 3 messages a week, 6 a month and 12 a quarter of every kind together, of which at most
     * 1 offer a week, 2 a month and 4 a quarter; at most one offer per topic in 30 days; no offer within 7 days after a
     * survey invitation. The survey caps (2 a quarter, 4 a year) stay stricter than the shared budget, so surveys alone
     * never reach it: offers are what it holds back.
     */
    public static OfferPolicy sensibleDefault() {
        return new OfferPolicy(new Limits(3, 6, 12), Map.of(ContactKind.OFFER, new Limits(1, 2, 4)), 1, 30, 7);
    }

    public @Nullable Limits limitsOf(ContactKind kind) {
        return kindBudgets.get(kind);
    }
}
