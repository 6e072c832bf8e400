package nl.buitenin.loop.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseTypes;

/**
 * A case as a page shows it: times in the organisation's zone, names instead of ids. A deadline is the start of the
 * next day; it is shown as 23:59 of its last day, as people read it. {@code working}: still new or contacted, as the
 * case itself tells it.
 */
record CaseView(String id, String type, String status, String statusKey, String team, String owner, String summary,
        String opened, String deadline, boolean working, boolean overdue, boolean escalated, long ageDays, String channelKey) {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static CaseView of(CaseFile c, Map<String, CaseTypes.Definition> types, Map<UUID, String> userNames, ZoneId zone,
            Instant now, Locale locale) {
        CaseTypes.Definition type = types.get(c.type().code());
        return new CaseView(c.id().toString(), type == null ? c.type().code() : type.name(locale), c.status().name(),
                c.status().messageKey(), c.team(), c.owner() == null ? null : userNames.getOrDefault(c.owner(), "?"),
                c.summary(), time(c.openedAt(), zone), time(c.deadline().minusSeconds(60), zone), c.canWork(), c.isOverdue(now),
                c.escalatedAt() != null, Duration.between(c.openedAt(), now).toDays(), c.channel() == null ? null : "loop." + c.channel().messageKey());
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }
}
