package nl.buitenin.privacy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.LogTerms;
import nl.buitenin.privacy.internal.Purpose;
import nl.buitenin.privacy.internal.Purposes;

/**
 * What the privacy pages show instead of codes, for one reader: purposes by name, dates in words in the reader's
 * language and the organisation's time zone, and the access log's and consent history's stored descriptions in
 * words ({@link LogTerms}). Pages get it as {@code words}.
 */
final class PrivacyWords {

    /** Dates as in the export: "4 december 2026, 14:05". */
    static final String DATE_TIME = "d MMMM yyyy, HH:mm";
    static final String DATE = "d MMMM yyyy";

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, Purpose> purposes;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    PrivacyWords(MessageSource messages, Locale locale, ZoneId zone, List<Purpose> purposes) {
        this.messages = messages;
        this.locale = locale;
        this.purposes = new HashMap<>();
        purposes.forEach(p -> this.purposes.put(p.id().value(), p));
        this.dateTime = DateTimeFormatter.ofPattern(DATE_TIME, locale).withZone(zone);
        this.date = DateTimeFormatter.ofPattern(DATE, locale).withZone(zone);
    }

    /** Gives every privacy page the words for the reader of the current request, as {@code words}. */
    @ControllerAdvice(assignableTypes = {RegisterController.class, AccessLogController.class, PersonsController.class,
        RetentionController.class, OwnPageController.class, StaffController.class})
    static class Advice {
        private final MessageSource messages;
        private final Organisations organisations;
        private final Purposes purposes;

        Advice(MessageSource messages, Organisations organisations, Purposes purposes) {
            this.messages = messages;
            this.organisations = organisations;
            this.purposes = purposes;
        }

        @ModelAttribute("words")
        PrivacyWords forReader() {
            return new PrivacyWords(messages, LocaleContextHolder.getLocale(), organisations.current().timeZone(), purposes.all());
        }
    }

    /** A purpose by its name in the reader's language; "all purposes" for {@code *}; the code only when it is unknown. */
    public String purpose(@Nullable String id) {
        if (id == null) {
            return "";
        }
        if ("*".equals(id)) {
            return text("privacy.retention.allPurposes", id);
        }
        Purpose purpose = purposes.get(id);
        return purpose == null ? id : purpose.name(locale);
    }

    public String purpose(PurposeId id) {
        return purpose(id.value());
    }

    public String dateTime(@Nullable Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    public String date(@Nullable Instant at) {
        return at == null ? "" : date.format(at);
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    /** Who read: a user by name, the system and the person themselves in words. */
    public String actor(String actor) {
        String key = LogTerms.actorKey(actor);
        return key == null ? actor : text(key, actor);
    }

    /** What was read, in words; a kind of read without a text yet by its description without ids. */
    public String what(String what) {
        return text(LogTerms.whatKey(what), LogTerms.withoutIds(what));
    }

    /** The channel a consent came through: the known ones in words, a system's own name as it is. */
    public String consentChannel(String channel) {
        return text(LogTerms.consentChannelKey(channel), channel);
    }

    /** A language code as the language's name in the reader's language. */
    public String language(String code) {
        return text("export.preferences.language." + code.toLowerCase(Locale.ROOT), code);
    }

    private String text(String key, String fallback) {
        String text = messages.getMessage(key, null, null, locale);
        return text == null ? fallback : text;
    }
}
