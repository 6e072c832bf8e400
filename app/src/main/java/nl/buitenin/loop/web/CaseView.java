package nl.buitenin.loop.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.platform.ReadableDates;

/**
 * A case as a page shows it: times in the organisation's zone, names instead of ids. A deadline is the start of the
 * next day; it is shown as 23:59 of its last day, as people read it. {@code working}: still new or contacted, as the
 * case itself tells it.
 */
record CaseView(String id, String type, String status, String statusKey, String team, String owner, String summary,
        String opened, String deadline, boolean working, boolean overdue, boolean escalated, long ageDays, String channelKey) {

    /**
     * @param summary what the case is about as a person reads it: for a case from an answer the answers in words
     *                ({@code inWords}), else the stored summary
     */
    static CaseView of(CaseFile c, Map<String, CaseTypes.Definition> types, Map<UUID, String> userNames, ZoneId zone,
            Instant now, Locale locale, @Nullable String inWords) {
        CaseTypes.Definition type = types.get(c.type().code());
        return new CaseView(c.id().toString(), type == null ? c.type().code() : type.name(locale), c.status().name(),
                c.status().messageKey(), c.team(), c.owner() == null ? null : userNames.getOrDefault(c.owner(), "?"),
                inWords == null ? c.summary() : inWords, time(c.openedAt(), zone, locale),
                time(c.deadline().minusSeconds(60), zone, locale), c.canWork(), c.isOverdue(now),
                c.escalatedAt() != null, Duration.between(c.openedAt(), now).toDays(), c.channel() == null ? null : "loop." + c.channel().messageKey());
    }

    static String time(@Nullable Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : ReadableDates.of(locale, zone).dateTime(instant);
    }
}
