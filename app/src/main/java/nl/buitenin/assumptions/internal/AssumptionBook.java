package nl.buitenin.assumptions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.assumptions.AssumptionResult;
import nl.buitenin.assumptions.Assumptions;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;

/**
 * Keeps assumptions and their tests, and tests them: on request, when one is shown, and when a workshop asks for its
 * own. Every test stores its outcome with when it was made, so lists show the last one without reading the data again.
 */
@Service
public class AssumptionBook implements Assumptions {

    static final int STATEMENT_MAX = 500;
    static final int DEPARTMENT_MAX = 100;

    private final JdbcAssumptions assumptions;
    private final Journeys journeys;
    private final AssumptionTesting testing;
    private final Explanations explanations;
    private final Clock clock;

    AssumptionBook(JdbcAssumptions assumptions, Journeys journeys, AssumptionTesting testing, Explanations explanations, Clock clock) {
        this.assumptions = assumptions;
        this.journeys = journeys;
        this.testing = testing;
        this.explanations = explanations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID propose(NewAssumption assumption) {
        return proposeAt(assumption, clock.instant());
    }

    /** As {@link #propose}, made at a given moment (the demo's history). */
    @Transactional
    public UUID proposeAt(NewAssumption assumption, Instant at) {
        List<FieldError> errors = new ArrayList<>();
        String statement = text("statement", assumption.statement(), STATEMENT_MAX, errors);
        String department = text("department", assumption.department(), DEPARTMENT_MAX, errors);
        String owner = assumption.owner() == null || assumption.owner().isBlank() ? null : assumption.owner().strip();
        Journey journey = assumption.journey() == null ? null : journeys.byId(assumption.journey()).orElse(null);
        if (journey == null) {
            errors.add(FieldError.of("journey", "assumptions.invalid.journey"));
        } else if (assumption.touchpoint() != null
                && journey.touchpoints().stream().map(Touchpoint::id).noneMatch(assumption.touchpoint()::equals)) {
            errors.add(FieldError.of("touchpoint", "assumptions.invalid.touchpoint"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        assumptions.add(id, statement, department, owner, assumption.journey(), assumption.touchpoint(), assumption.workshop(), at);
        return id;
    }

    @Override
    @Transactional
    public List<AssumptionResult> ofWorkshop(UUID workshop) {
        Locale locale = LocaleContextHolder.getLocale();
        return assumptions.ofWorkshop(workshop).stream().map(this::retest)
                .map(a -> new AssumptionResult(a.id(), a.statement(), a.outcome().verdict(), explanations.explain(a.test(), a.outcome(), locale)))
                .toList();
    }

    /** Chooses the test of an assumption (replacing an earlier one) and tests it at once. */
    @Transactional
    public Assumption chooseTest(UUID id, TestForm form) {
        byId(id);
        assumptions.setTest(id, form.read(testing.shareKeys()));
        return test(id);
    }

    /** Tests the assumption against the data now and stores the outcome. */
    @Transactional
    public Assumption test(UUID id) {
        return retest(byId(id));
    }

    /** Tests every assumption that has a test, for a list that should be current. */
    @Transactional
    public List<Assumption> testAll() {
        return assumptions.all().stream().map(a -> a.test() == null ? a : retest(a)).toList();
    }

    public Assumption byId(UUID id) {
        return assumptions.byId(id).orElseThrow(() -> new NotFoundException("assumptions.thing.assumption", id));
    }

    public List<Assumption> all() {
        return assumptions.all();
    }

    /** The assumptions a user owns, each tested now, so its owner sees the current result. */
    @Transactional
    public List<Assumption> mine(String username) {
        return assumptions.ownedBy(username).stream().map(this::retest).toList();
    }

    public List<String> shareKeys() {
        return testing.shareKeys();
    }

    private Assumption retest(Assumption assumption) {
        Outcome outcome = testing.test(assumption);
        assumptions.record(assumption.id(), outcome);
        return new Assumption(assumption.id(), assumption.statement(), assumption.department(), assumption.owner(), assumption.journey(),
                assumption.touchpoint(), assumption.workshop(), assumption.createdAt(), assumption.test(), outcome);
    }

    private static String text(String field, String raw, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldError.of(field, "assumptions.invalid." + field + ".missing"));
            return "";
        }
        String text = raw.strip();
        if (text.length() > max) {
            errors.add(FieldError.of(field, "assumptions.invalid.tooLong", max));
        }
        return text;
    }
}
