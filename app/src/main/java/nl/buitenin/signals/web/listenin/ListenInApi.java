package nl.buitenin.signals.web.listenin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.platform.ForbiddenException;
import nl.buitenin.signals.internal.listenin.ListenIn;
import nl.buitenin.signals.internal.listenin.ListenInForm;
import nl.buitenin.signals.internal.listenin.ListenInLog;
import nl.buitenin.signals.internal.listenin.Managers;

/** The listen-in log for managers (team leads and administrators), signed in: record an entry, read your own. */
@RestController
@RequestMapping("/api/v1/listen-ins")
@Allow({Role.ADMIN, Role.AGENT})
class ListenInApi {

    private final ListenInLog log;
    private final Managers managers;
    private final Users users;
    private final MessageSource messages;

    ListenInApi(ListenInLog log, Managers managers, Users users, MessageSource messages) {
        this.log = log;
        this.managers = managers;
        this.users = users;
        this.messages = messages;
    }

    @Schema(name = "ListenInRequest", description = "A day or hours a manager spent with customers")
    record ListenInRequest(@Schema(description = "the day, as 2026-11-03; not in the future") @Nullable String day,
            @Schema(description = "shadow_day (meeloopdag), listening_in (meeluisteren) or customer_visit (klantbezoek)") @Nullable String kind,
            @Schema(description = "hours, more than 0 and at most 24; 3.5 or 3,5") @Nullable String hours,
            @Schema(description = "an optional note, at most 500 characters") @Nullable String note) {
    }

    @Schema(name = "ListenIn")
    record ListenInJson(UUID id, LocalDate day, String kind, double hours, @Nullable String note, @Nullable String team, Instant recordedAt) {

        static ListenInJson of(ListenIn e) {
            return new ListenInJson(e.id(), e.day(), e.kind().code(), e.hours(), e.note(), e.team(), e.recordedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a listen-in entry of the signed-in manager")
    ListenInJson record(@RequestBody ListenInRequest request, Locale locale) {
        User me = manager(locale);
        return ListenInJson.of(log.record(me, new ListenInForm(request.day(), request.kind(), request.hours(), request.note())));
    }

    @GetMapping
    @Operation(summary = "The signed-in manager's own listen-in entries, newest first")
    List<ListenInJson> mine(Locale locale) {
        return log.of(manager(locale).username()).stream().map(ListenInJson::of).toList();
    }

    private User manager(Locale locale) {
        User me = users.current().orElseThrow();
        if (!managers.isManager(me)) {
            throw new ForbiddenException(messages.getMessage("signals.listenIn.notAManager", null, locale));
        }
        return me;
    }
}
