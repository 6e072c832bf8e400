package nl.buitenin.loop.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.DeskUpdates;
import nl.buitenin.loop.internal.LoopFigures;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;

/** Complaints in from any channel, case updates from a service desk, and the loop-closure figures out. */
@RestController
@RequestMapping("/api/v1")
class LoopApi {

    private final CaseWork work;
    private final CaseFiles cases;
    private final DeskUpdates desk;
    private final LoopFigures figures;
    private final LoopPages pages;
    private final Teams teams;

    LoopApi(CaseWork work, CaseFiles cases, DeskUpdates desk, LoopFigures figures, LoopPages pages, Teams teams) {
        this.teams = teams;
        this.work = work;
        this.cases = cases;
        this.desk = desk;
        this.figures = figures;
        this.pages = pages;
    }

    /**
     * A complaint: {@code externalId} makes a retry a no-op. The person is given by key; turning a customer
     * reference into a key is the privacy module's work, which this build does not have yet.
     */
    record ComplaintRequest(@NotBlank @Size(max = 200) String externalId, @NotNull Channel channel, @Size(max = 100) String touchpointId,
            @NotBlank @Size(max = 10000) String text, @Size(max = 40) String personKey, @Size(max = 200) String customerReference,
            @Size(max = 100) String team) {
    }

    record CaseReceipt(String caseId, String status, Instant deadline, boolean created) {
    }

    record CaseStatusView(String caseId, String type, String status, String team, Instant openedAt, Instant deadline,
            Instant firstContactAt, Instant resolvedAt, Instant closedAt, int reopenCount) {
        static CaseStatusView of(CaseFile c) {
            return new CaseStatusView(c.id().toString(), c.type().code(), c.status().name(), c.team(), c.openedAt(),
                    c.deadline(), c.firstContactAt(), c.resolvedAt(), c.closedAt(), c.reopenCount());
        }
    }

    record DeskUpdateRequest(@NotBlank @Size(max = 200) String updateId, DeskUpdates.Target status,
            @Size(max = 10000) String note, @Size(max = 4000) String outcome) {
    }

    record DeskUpdateResult(String caseId, String status, boolean applied) {
    }

    record FigureRow(String key, ShareView followedUpInTime, MedianView timeToFirstContactHours, ShareView toldBack,
            ShareView reopened) {
    }

    /**
     * A share; null when there were no cases. About fewer people than the small-cell minimum k it is
     * {@code hidden}: successes, n, value, low and high are null and {@code fewerThan} is k.
     */
    record ShareView(boolean hidden, Integer fewerThan, Long successes, Long n, Double value, Double low, Double high) {
        static ShareView of(nl.buitenin.loop.internal.Share s) {
            if (s == null) {
                return null;
            }
            return s.hidden() ? new ShareView(true, s.fewerThan(), null, null, null, null, null)
                    : new ShareView(false, null, s.successes(), s.n(), s.value(), s.low(), s.high());
        }
    }

    /** A median; hidden like a share, with value and n null. Without contacts, value is null and n is 0. */
    record MedianView(boolean hidden, Integer fewerThan, Double value, Long n) {
        static MedianView of(LoopFigures.MedianHours m) {
            return m.hidden() ? new MedianView(true, m.fewerThan(), null, null) : new MedianView(false, null, m.hours(), m.n());
        }
    }

    @PostMapping("/complaints")
    @Allow(value = {}, scopes = Scope.INGEST)
    @Operation(summary = "Open a case for a complaint; a repeated externalId returns the same case with 200 instead of 201")
    ResponseEntity<CaseReceipt> complaint(@Valid @RequestBody ComplaintRequest request) {
        CaseSource source;
        try {
            source = CaseSource.complaint(request.externalId().strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("externalId", "loop.invalid.externalId");
        }
        PersonKey person = null;
        if (!RequestValues.blank(request.personKey())) {
            if (!PersonKey.isValid(request.personKey())) {
                throw InvalidInputException.of("personKey", "loop.invalid.personKey");
            }
            person = new PersonKey(request.personKey());
        } else if (!RequestValues.blank(request.customerReference())) {
            throw InvalidInputException.of("customerReference", "loop.invalid.customerReference");
        }
        TouchpointId touchpoint = RequestValues.id("touchpointId", request.touchpointId(), TouchpointId::new, "loop.invalid.touchpointId");
        String team = RequestValues.blank(request.team()) ? null : teams.require("team", request.team());
        CaseWork.Opened opened = work.open(new CaseWork.Opening(source, CaseType.COMPLAINT, person, touchpoint,
                request.channel(), team, null, request.text()), "api", pages.clock().instant());
        CaseFile c = opened.file();
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CaseReceipt(c.id().toString(), c.status().name(), c.deadline(), opened.created()));
    }

    @GetMapping("/cases/{id}")
    @Allow(value = {}, scopes = Scope.CASES)
    @Operation(summary = "The status of a case, for a service desk (no personal data)")
    CaseStatusView status(@PathVariable UUID id) {
        return CaseStatusView.of(cases.byId(new CaseId(id)).orElseThrow(() -> new NotFoundException("loop.thing.case", id)));
    }

    @PatchMapping("/cases/{id}")
    @Allow(value = {}, scopes = Scope.CASES)
    @Operation(summary = "A service desk moves a case on (CONTACTED, RESOLVED, CLOSED) and/or adds a note; a repeated updateId is a no-op")
    DeskUpdateResult update(@PathVariable UUID id, @Valid @RequestBody DeskUpdateRequest request, Authentication caller) {
        DeskUpdates.Result result = desk.apply(new CaseId(id),
                new DeskUpdates.Update(request.updateId(), request.status(), request.note(), request.outcome()), caller.getName());
        return new DeskUpdateResult(result.caseId().toString(), result.status(), result.applied());
    }

    @GetMapping("/loop/figures")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Loop-closure figures per TEAM, TOUCHPOINT or MONTH for cases opened from..to (inclusive days); "
            + "shares with n and Wilson 95 % interval, medians with n; the last row (key *) is the total. A figure about fewer "
            + "people than the small-cell minimum k (default 5) is hidden: hidden true, fewerThan k, its numbers null.")
    List<FigureRow> figures(@RequestParam(defaultValue = "TEAM") String by, @RequestParam String from, @RequestParam String to) {
        LoopFigures.Dimension dimension = RequestValues.requiredChoice("by", by, LoopFigures.Dimension.class, "loop.invalid.by");
        ZoneId zone = pages.zone();
        Instant start = date("from", from).atStartOfDay(zone).toInstant();
        Instant end = date("to", to).plusDays(1).atStartOfDay(zone).toInstant();
        return figures.by(dimension, start, end, pages.clock().instant()).stream()
                .map(r -> new FigureRow(r.key(), ShareView.of(r.followedUpInTime()),
                        MedianView.of(r.timeToFirstContact()), ShareView.of(r.toldBack()),
                        ShareView.of(r.reopened())))
                .toList();
    }

    private static LocalDate date(String field, String text) {
        return RequestValues.require(RequestValues.date(field, text, "loop.invalid.date"), field, "loop.invalid.date", text);
    }
}
