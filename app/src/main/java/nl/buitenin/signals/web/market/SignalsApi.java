package nl.buitenin.signals.web.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.market.DecisionInput;
import nl.buitenin.signals.internal.market.MarketSignals;
import nl.buitenin.signals.internal.market.SignalInput;
import nl.buitenin.signals.internal.market.SignalThemes;

/**
 * Market signals with the chain outside → inside: signal, decision, the improvement action it led to (as loop tells its
 * status) and the result. Staff record signals with a session; analysts decide and group missed sales into them.
 */
@RestController
@RequestMapping("/api/v1/signals/market")
class SignalsApi {

    private final MarketSignals signals;
    private final Users users;
    private final SmallCellRule smallCells;
    private final SignalThemes themes;

    SignalsApi(MarketSignals signals, Users users, SmallCellRule smallCells, SignalThemes themes) {
        this.signals = signals;
        this.themes = themes;
        this.users = users;
        this.smallCells = smallCells;
    }

    @Schema(name = "MarketSignalMissedSales")
    record MarketSignalMissedSales(@Schema(description = "normal form of what was asked for") String thing, String label, long missed,
            @Nullable Long askers, boolean askersHidden) {
    }

    @Schema(name = "MarketSignalAction")
    record MarketSignalAction(UUID id, String titleNl, String titleEn, @Schema(description = "PLANNED, IN_PROGRESS or DONE") String status,
            @Nullable LocalDate dueOn, @Nullable Instant completedAt,
            @Schema(description = "people told what changed; null when fewer than fewerThan") @Nullable Long peopleToldBack,
            @Nullable Integer fewerThan) {
    }

    @Schema(name = "MarketSignal")
    record MarketSignalJson(UUID id, @Schema(description = "NEW_COMPETITOR, NEW_TECHNIQUE, REGULATION, DEMAND_SHIFT or OTHER") String kind,
            String title, String source, LocalDate noticedOn, String description, String owner,
            @Schema(description = "days from noticed until decided, or until today while open") long ageDays,
            @Schema(description = "OPEN, ACTION or NO_ACTION") String decision, @Nullable String reason, @Nullable Instant decidedAt,
            List<MarketSignalMissedSales> missedSales, @Nullable MarketSignalAction action,
            @Schema(description = "linked themes with the comments that carried each per month, last 6 months") List<MarketSignalTheme> themes) {
    }

    @Schema(name = "MarketSignalThemeMonth")
    record MarketSignalThemeMonth(@Schema(description = "yyyy-mm") String month,
            @Schema(description = "comments that carried the theme; null when fewer than fewerThan") @Nullable Long comments,
            @Nullable Integer fewerThan) {
    }

    @Schema(name = "MarketSignalTheme")
    record MarketSignalTheme(UUID id, String nameNl, String nameEn, List<MarketSignalThemeMonth> months) {
    }

    @Schema(name = "MarketSignalThemeLinks")
    record MarketSignalThemeLinks(@Schema(description = "ids of themes of the taxonomy to link to the signal") @Nullable List<String> themes) {
    }

    @Schema(name = "MarketSignalGrouping")
    record MarketSignalGrouping(@Schema(description = "things asked for (any spelling) whose missed sales the signal groups") @Nullable List<String> things) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "All market signals, open ones first, each with its chain")
    List<MarketSignalJson> list() {
        return signals.chains().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One market signal with its chain outside → inside")
    MarketSignalJson read(@PathVariable UUID id) {
        return json(signals.chain(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER, Role.PRIVACY_OFFICER})
    @Operation(summary = "Record a market signal", description = "Every member of staff may; the signal is theirs and open.")
    MarketSignalJson create(@RequestBody SignalInput input) {
        return read(signals.create(require(input), users.current().orElseThrow().id().value()).id());
    }

    @PutMapping("/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Change a market signal's kind, title, source, day or description")
    MarketSignalJson change(@PathVariable UUID id, @RequestBody SignalInput input) {
        signals.change(id, require(input));
        return read(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Remove a market signal", description = "A linked improvement action stays in loop.")
    void remove(@PathVariable UUID id) {
        signals.remove(id);
    }

    @PostMapping("/{id}/decision")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Link the signal to what was done with it",
            description = "ACTION with action (an existing improvement action) or with titleNl, titleEn, theme and dueOn (a new "
                    + "action planned in loop); NO_ACTION with a reason; OPEN to undo the decision.")
    MarketSignalJson decide(@PathVariable UUID id, @RequestBody DecisionInput input) {
        if (input == null) {
            throw InvalidInputException.of("decision", "signals.invalid.market.required");
        }
        signals.decide(id, input, users.current().orElseThrow().id().value());
        return read(id);
    }

    @PostMapping("/{id}/missed-sales")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Group the missed sales of these things into the signal")
    MarketSignalJson group(@PathVariable UUID id, @RequestBody MarketSignalGrouping grouping) {
        signals.group(id, grouping == null || grouping.things() == null ? List.of() : grouping.things());
        return read(id);
    }

    @PostMapping("/{id}/themes")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Link themes of the taxonomy to the signal", description = "The chain then counts the comments that carried each.")
    MarketSignalJson linkThemes(@PathVariable UUID id, @RequestBody MarketSignalThemeLinks links) {
        themes.link(id, links == null ? null : links.themes());
        return read(id);
    }

    @DeleteMapping("/{id}/themes/{theme}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Unlink a theme from the signal")
    MarketSignalJson unlinkTheme(@PathVariable UUID id, @PathVariable UUID theme) {
        themes.unlink(id, theme);
        return read(id);
    }

    private static SignalInput require(@Nullable SignalInput input) {
        return input == null ? new SignalInput(null, null, null, null, null) : input;
    }

    private MarketSignalJson json(MarketSignals.Chain c) {
        var s = c.signal();
        MarketSignalAction action = null;
        if (c.action() != null) {
            var a = c.action();
            boolean hidden = smallCells.hides(a.peopleToldBack());
            action = new MarketSignalAction(a.id().value(), a.titleNl(), a.titleEn(), a.progress().name(), a.dueOn(), a.completedAt(),
                    hidden ? null : a.peopleToldBack(), hidden ? smallCells.k() : null);
        }
        return new MarketSignalJson(s.id(), s.kind().name(), s.title(), s.source(), s.noticedOn(), s.description(), c.ownerName(), c.ageDays(),
                s.decision().name(), s.reason(), s.decidedAt(),
                c.grouped().stream().map(t -> {
                    boolean hidden = smallCells.hides(t.count().askers());
                    return new MarketSignalMissedSales(t.key(), t.label(), t.count().missed(), hidden ? null : t.count().askers(), hidden);
                }).toList(), action, themes.comments(s.id()).stream().map(SignalsApi::json).toList());
    }

    private static MarketSignalTheme json(SignalThemes.ThemeComments t) {
        return new MarketSignalTheme(t.theme(), t.nameNl(), t.nameEn(), t.months().stream()
                .map(m -> new MarketSignalThemeMonth(m.month().toString(), m.comments().value(),
                        m.comments().hidden() ? m.comments().k() : null)).toList());
    }
}
