package nl.buitenin.groups.web;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.groups.internal.planning.Mismatch;
import nl.buitenin.groups.internal.planning.Plan;

/** The planning's words in the reader's language: why places stay open, what does not fit, languages and days. */
@Component
class PlanningTexts {

    private final MessageSource messages;

    PlanningTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Why a trip keeps open places in the best assignment, in one sentence; null when it has none. */
    @Nullable String shortage(Plan.TripPlan tripPlan, Locale locale) {
        Plan.Shortage shortage = tripPlan.shortage();
        if (shortage == null) {
            return null;
        }
        int needed = tripPlan.trip().needed();
        String day = tripPlan.trip().date().getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        String language = language(tripPlan.trip().language(), locale);
        if (shortage.available() == 0) {
            return messages.getMessage("groups.planning.short.nobody", new Object[] {shortage.open(), needed, day}, locale);
        }
        if (shortage.speaking() < needed) {
            return messages.getMessage("groups.planning.short.language",
                    new Object[] {shortage.open(), needed, shortage.available(), day, shortage.speaking(), language}, locale);
        }
        return messages.getMessage("groups.planning.short.taken", new Object[] {shortage.open(), needed, shortage.speaking(), language}, locale);
    }

    /** What does not fit, as words ("tempo, onderwerp"); empty when everything fits. */
    String reasons(Mismatch mismatch, Locale locale) {
        return mismatch.reasonKeys().stream().map(k -> messages.getMessage(k, null, locale)).collect(Collectors.joining(", "));
    }

    @Nullable String violation(Plan.Placement placement, Locale locale) {
        return placement.violation() == null ? null : messages.getMessage(placement.violation().messageKey(), null, locale);
    }

    static String language(String code, Locale locale) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isEmpty() || name.equals(code) ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    static String languages(List<String> codes, Locale locale) {
        return codes.stream().map(c -> language(c, locale)).collect(Collectors.joining(", "));
    }
}
