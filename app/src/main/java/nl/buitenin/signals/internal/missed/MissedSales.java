package nl.buitenin.signals.internal.missed;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Channel;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.StorableText;
import nl.buitenin.privacy.PersonKey;

/**
 * The one way missed sales come in: the logging page, the API and the CSV import each hand items to {@link #record}, which
 * checks every field (naming it, in the reader's language), stores what is right and skips a source id already stored.
 */
@Service
public class MissedSales {

    public static final int MAX_BATCH = 1000;
    static final int MAX_SOURCE_ID = 200;
    static final int MAX_ASKED_FOR = 200;
    static final int MAX_LOCATION = 100;
    static final int MAX_NOTE = 1000;

    private final JdbcMissedSales sales;
    private final Clock clock;

    MissedSales(JdbcMissedSales sales, Clock clock) {
        this.sales = sales;
        this.clock = clock;
    }

    /** Records a batch; each item is created, a duplicate of a stored source id (or of an earlier item), or rejected. */
    @Transactional
    public IngestReport record(@Nullable List<MissedSaleInput> items, @Nullable UUID recordedBy) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", "signals.invalid.missed.items.none");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", "signals.invalid.missed.items.many", MAX_BATCH);
        }
        Instant now = clock.instant();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MissedSaleInput item = items.get(i);
            if (item == null) {
                outcomes.add(ItemOutcome.rejected(i, null, List.of(FieldError.of("item", "signals.invalid.missed.item"))));
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            MissedSale sale = read(item, recordedBy, now, errors);
            if (sale == null) {
                outcomes.add(ItemOutcome.rejected(i, item.sourceId(), errors));
            } else if (sales.add(sale, now)) {
                outcomes.add(ItemOutcome.created(i, sale.sourceId()));
            } else {
                outcomes.add(ItemOutcome.duplicate(i, sale.sourceId()));
            }
        }
        return IngestReport.of(outcomes);
    }

    /** One entry from the logging page: refused with every wrong field named at once. */
    @Transactional
    public void log(MissedSaleInput item, UUID recordedBy) {
        List<FieldError> errors = new ArrayList<>();
        MissedSale sale = read(item, recordedBy, clock.instant(), errors);
        if (sale == null) {
            throw new InvalidInputException(errors);
        }
        sales.add(sale, clock.instant());
    }

    /** Checks one item as {@link #record} does, adding every wrong field to {@code errors}; null when there is one. */
    public static @Nullable MissedSale check(MissedSaleInput item, @Nullable UUID recordedBy, Instant now, List<FieldError> errors) {
        return read(item, recordedBy, now, errors);
    }

    private static @Nullable MissedSale read(MissedSaleInput item, @Nullable UUID recordedBy, Instant now, List<FieldError> errors) {
        String sourceId = RequestValues.collecting(errors, () -> text("sourceId", item.sourceId(), MAX_SOURCE_ID, true));
        String askedFor = RequestValues.collecting(errors, () -> text("askedFor", item.askedFor(), MAX_ASKED_FOR, true));
        Channel channel = RequestValues.collecting(errors, () -> choice("channel", item.channel(), Channel.class,
                "signals.invalid.missed.channel"));
        String location = RequestValues.collecting(errors, () -> text("location", item.location(), MAX_LOCATION, false));
        MissedReason reason = RequestValues.collecting(errors, () -> choice("reason", item.reason(), MissedReason.class,
                "signals.invalid.missed.reason"));
        String note = RequestValues.collecting(errors, () -> text("note", item.note(), MAX_NOTE, false));
        PersonKey person = RequestValues.collecting(errors, () -> person(item.person()));
        Instant at = RequestValues.collecting(errors, () -> moment(item.at(), now));
        if (!errors.isEmpty()) {
            return null;
        }
        return new MissedSale(sourceId, AskedFor.tidy(askedFor), channel, location == null ? null : AskedFor.tidy(location), reason, note,
                person, at, recordedBy);
    }

    private static @Nullable String text(String field, @Nullable String raw, int max, boolean required) {
        if (RequestValues.blank(raw)) {
            if (required) {
                throw InvalidInputException.of(field, "signals.invalid.missed.required");
            }
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw InvalidInputException.of(field, "signals.invalid.missed.long", max);
        }
        StorableText.check(field, value).ifPresent(error -> {
            throw new InvalidInputException(List.of(error));
        });
        return value;
    }

    /** A code named in any case; not given is "fill this in", a wrong one is named with the codes there are. */
    private static <E extends Enum<E>> E choice(String field, @Nullable String raw, Class<E> type, String key) {
        String value = RequestValues.required(field, raw, "signals.invalid.missed.required");
        return RequestValues.choice(field, value, type, key, value);
    }

    private static @Nullable PersonKey person(@Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        String key = raw.strip();
        if (!PersonKey.isValid(key)) {
            throw InvalidInputException.of("person", "signals.invalid.missed.person", key.length() > 40 ? key.substring(0, 40) + "…" : key);
        }
        return new PersonKey(key);
    }

    private static Instant moment(@Nullable String raw, Instant now) {
        if (RequestValues.blank(raw)) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("at", "signals.invalid.missed.at", raw.strip());
        }
        RecordedTimes.check("at", at, raw.strip(), now).ifPresent(error -> {
            throw new InvalidInputException(List.of(error));
        });
        return at;
    }
}
