package nl.buitenin.signals.internal.market;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ImprovementActions;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.StorableText;
import nl.buitenin.signals.internal.missed.AskedFor;
import nl.buitenin.signals.internal.missed.JdbcMissedSales;
import nl.buitenin.signals.internal.missed.MissedSaleFigures;

/**
 * Market signals and what was done with them. An action is linked or planned through loop's {@link ImprovementActions},
 * the one path into loop, so its status and "you said, we did" stay loop's own and the chain page reads them from there.
 */
@Service
public class MarketSignals {

    static final int MAX_TITLE = 200;
    static final int MAX_SOURCE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_REASON = 2000;

    private final JdbcMarketSignals signals;
    private final JdbcMissedSales missedSales;
    private final ImprovementActions actions;
    private final Users users;
    private final Organisations organisations;
    private final Clock clock;

    MarketSignals(JdbcMarketSignals signals, JdbcMissedSales missedSales, ImprovementActions actions, Users users,
            Organisations organisations, Clock clock) {
        this.signals = signals;
        this.missedSales = missedSales;
        this.actions = actions;
        this.users = users;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * The chain outside → inside of one signal: the signal, its owner by name and its age in days (noticed until decided,
     * or until today while open), the missed sales it groups (per thing), and the action it led to as loop tells it.
     */
    public record Chain(MarketSignal signal, String ownerName, long ageDays, List<MissedSaleFigures.Thing> grouped,
            MissedSaleFigures.Count groupedTotal, ImprovementActions.@Nullable Summary action) {
    }

    @Transactional
    public MarketSignal create(SignalInput input, UUID owner) {
        Checked c = check(input);
        MarketSignal signal = new MarketSignal(UUID.randomUUID(), c.kind(), c.title(), c.source(), c.noticedOn(), c.description(), owner,
                Decision.OPEN, null, null, null, null, clock.instant());
        signals.add(signal);
        return signal;
    }

    @Transactional
    public MarketSignal change(UUID id, SignalInput input) {
        require(id);
        Checked c = check(input);
        signals.change(id, c.kind(), c.title(), c.source(), c.noticedOn(), c.description());
        return require(id);
    }

    @Transactional
    public void remove(UUID id) {
        require(id);
        signals.remove(id);
    }

    /** Records the decision; a new action is planned in loop in the same transaction, so both or neither are stored. */
    @Transactional
    public MarketSignal decide(UUID id, DecisionInput input, UUID actor) {
        return decide(id, input, actor, clock.instant());
    }

    /** As {@link #decide(UUID, DecisionInput, UUID)}, decided at the given moment (the demo back-dates its history). */
    @Transactional
    public MarketSignal decide(UUID id, DecisionInput input, UUID actor, Instant now) {
        MarketSignal signal = require(id);
        Decision decision = choice("decision", input.decision(), Decision.class, "signals.invalid.market.decision");
        switch (decision) {
            case OPEN -> signals.decide(id, Decision.OPEN, null, null, null, null);
            case NO_ACTION -> {
                String reason = text("reason", input.reason(), MAX_REASON);
                signals.decide(id, Decision.NO_ACTION, reason, null, now, actor);
            }
            case ACTION -> {
                ActionId action = RequestValues.blank(input.action()) ? plan(signal, input, actor) : existing(input.action());
                signals.decide(id, Decision.ACTION, null, action.value(), now, actor);
            }
        }
        return require(id);
    }

    /** Groups the missed sales of these things (any spelling) into the signal; a thing nobody asked for is refused by its index. */
    @Transactional
    public void group(UUID id, List<String> things) {
        require(id);
        if (things == null || things.isEmpty()) {
            throw InvalidInputException.of("things", "signals.invalid.market.things.none");
        }
        Set<String> known = Set.copyOf(missedSales.keys());
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < things.size(); i++) {
            String thing = things.get(i);
            String key = thing == null ? "" : AskedFor.key(thing);
            if (!known.contains(key)) {
                errors.add(FieldError.of("things[" + i + "]", "signals.invalid.market.thing", thing == null ? "" : thing));
            } else {
                keys.add(key);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        keys.forEach(key -> signals.group(id, key));
    }

    @Transactional
    public void ungroup(UUID id, String thing) {
        require(id);
        signals.ungroup(id, AskedFor.key(thing));
    }

    @Transactional(readOnly = true)
    public Chain chain(UUID id) {
        return chain(require(id));
    }

    @Transactional(readOnly = true)
    public List<Chain> chains() {
        return signals.all().stream().map(this::chain).toList();
    }

    public MarketSignal require(UUID id) {
        return signals.byId(id).orElseThrow(() -> new NotFoundException("signals.thing.marketSignal", id));
    }

    private Chain chain(MarketSignal signal) {
        ZoneId zone = organisations.current().timeZone();
        LocalDate until = signal.decidedAt() == null ? LocalDate.now(clock.withZone(zone)) : signal.decidedAt().atZone(zone).toLocalDate();
        long age = Math.max(0, ChronoUnit.DAYS.between(signal.noticedOn(), until));
        List<MissedSaleFigures.Row> rows = missedSales.ofKeys(signals.groupedKeys(signal.id()));
        String owner = users.byId(new UserId(signal.owner())).map(u -> u.displayName()).orElse("");
        ImprovementActions.Summary action = signal.action() == null ? null : actions.find(new ActionId(signal.action())).orElse(null);
        return new Chain(signal, owner, age, MissedSaleFigures.top(rows, Integer.MAX_VALUE), MissedSaleFigures.count(rows), action);
    }

    private ActionId existing(String raw) {
        ActionId id = RequestValues.id("action", raw, ActionId::new, "signals.invalid.market.action");
        if (actions.find(id).isEmpty()) {
            throw InvalidInputException.of("action", "signals.invalid.market.action", raw.strip());
        }
        return id;
    }

    private ActionId plan(MarketSignal signal, DecisionInput input, UUID actor) {
        List<FieldError> errors = new ArrayList<>();
        String titleNl = RequestValues.collecting(errors, () -> text("titleNl", input.titleNl(), MAX_TITLE));
        String titleEn = RequestValues.collecting(errors, () -> text("titleEn", input.titleEn(), MAX_TITLE));
        ThemeId theme = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.id("theme", input.theme(), ThemeId::new, "signals.invalid.market.theme"), "theme",
                "signals.invalid.market.theme.missing"));
        LocalDate due = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("dueOn", input.dueOn(), "signals.invalid.market.date"), "dueOn", "signals.invalid.market.required"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String nl = cut("Naar aanleiding van marktsignaal '" + signal.title() + "' (" + signal.source() + "): " + signal.description());
        String en = cut("Following the market signal '" + signal.title() + "' (" + signal.source() + "): " + signal.description());
        return actions.plan(new ImprovementActions.Plan(titleNl, titleEn, nl, en, new UserId(actor), due, Set.of(theme)));
    }

    private static String cut(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private record Checked(SignalKind kind, String title, String source, LocalDate noticedOn, String description) {
    }

    private Checked check(SignalInput input) {
        List<FieldError> errors = new ArrayList<>();
        SignalKind kind = RequestValues.collecting(errors, () -> choice("kind", input.kind(), SignalKind.class,
                "signals.invalid.market.kind"));
        String title = RequestValues.collecting(errors, () -> text("title", input.title(), MAX_TITLE));
        String source = RequestValues.collecting(errors, () -> text("source", input.source(), MAX_SOURCE));
        LocalDate noticed = RequestValues.collecting(errors, () -> noticedOn(input.noticedOn()));
        String description = RequestValues.collecting(errors, () -> text("description", input.description(), MAX_DESCRIPTION));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(kind, title, source, noticed, description);
    }

    private LocalDate noticedOn(@Nullable String raw) {
        LocalDate day = RequestValues.require(RequestValues.date("noticedOn", raw, "signals.invalid.market.date"), "noticedOn",
                "signals.invalid.market.required");
        LocalDate today = LocalDate.now(clock.withZone(organisations.current().timeZone()));
        if (day.isAfter(today)) {
            throw InvalidInputException.of("noticedOn", "signals.invalid.market.future", raw.strip());
        }
        if (day.getYear() < 2000) {
            throw InvalidInputException.of("noticedOn", "signals.invalid.market.date", raw.strip());
        }
        return day;
    }

    /** A code named in any case; not given is "fill this in", a wrong one is named with the codes there are. */
    private static <E extends Enum<E>> E choice(String field, @Nullable String raw, Class<E> type, String key) {
        String value = RequestValues.required(field, raw, "signals.invalid.market.required");
        return RequestValues.choice(field, value, type, key, value);
    }

    private static String text(String field, @Nullable String raw, int max) {
        String value = RequestValues.required(field, raw, "signals.invalid.market.required");
        if (value.length() > max) {
            throw InvalidInputException.of(field, "signals.invalid.market.long", max);
        }
        StorableText.check(field, value).ifPresent(error -> {
            throw new InvalidInputException(List.of(error));
        });
        return value;
    }

    Optional<ImprovementActions.Summary> action(UUID id) {
        return actions.find(new ActionId(id));
    }
}
