package nl.buitenin.assumptions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.assumptions.AssumptionResult;
import nl.buitenin.assumptions.Assumptions;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.listening.QuestionDrafts;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.readings.PilotTrials;
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
    private final QuestionDrafts drafts;
    private final PilotTrials pilots;
    private final MessageSource messages;
    private final Organisations organisations;

    AssumptionBook(JdbcAssumptions assumptions, Journeys journeys, AssumptionTesting testing, Explanations explanations, Clock clock,
            QuestionDrafts drafts, PilotTrials pilots, MessageSource messages, Organisations organisations) {
        this.drafts = drafts;
        this.pilots = pilots;
        this.messages = messages;
        this.organisations = organisations;
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

    @Override
    @Transactional
    public java.util.Optional<UUID> adopt(String statement, nl.buitenin.journey.JourneyId journey, UUID workshop) {
        return assumptions.adopt(statement, journey, workshop);
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

    /** A question drafted from an assumption, with the question checker's advice on its wording. */
    public record Drafted(Assumption assumption, QuestionDrafts.Draft draft) {
    }

    /**
     * From doubt to evidence, a question: a draft survey of one agreement question (1 disagree to 5 agree) at the
     * assumption's touchpoint, checked by the question checker; the assumption's test becomes the share agreeing
     * (more than half expected) from today for a year. The analyst reads the advice, may rewrite the question in the
     * survey editor and publishes it there.
     */
    @Transactional
    public Drafted toQuestion(UUID id, String questionNl, String questionEn) {
        Assumption assumption = byId(id);
        QuestionDrafts.Draft draft = drafts.draft(new QuestionDrafts.NewQuestion(
                messages.getMessage("assumptions.question.title", null, Locale.forLanguageTag("nl")),
                messages.getMessage("assumptions.question.title", null, Locale.ENGLISH), questionNl, questionEn,
                messages.getMessage("assumptions.question.closing", null, Locale.forLanguageTag("nl")),
                messages.getMessage("assumptions.question.closing", null, Locale.ENGLISH),
                assumption.touchpoint() == null ? List.of() : List.of(assumption.touchpoint())));
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        assumptions.setTest(id, new AssumptionTest(TestKind.QUESTION, "share", null, draft.survey().value(), draft.questionKey(), null,
                Expectation.AT_LEAST, 50.0, null, today, today.plusYears(1)));
        return new Drafted(test(id), draft);
    }

    /**
     * From doubt to evidence, a pilot: the change tried at the assumption's touchpoint from {@code startsOn} to
     * {@code endsOn}, compared with the same touchpoint in the days before or with other touchpoints; the assumption's
     * test becomes the pilot's difference, expected above zero (the change helps). Read once the pilot has ended.
     */
    @Transactional
    public Assumption toPilot(UUID id, PilotTrials.NewPilot pilot) {
        Assumption assumption = byId(id);
        UUID defined = pilots.define(pilot);
        assumptions.setTest(assumption.id(), new AssumptionTest(TestKind.PILOT, pilot.measure().toLowerCase(Locale.ROOT), null, null, null,
                defined, Expectation.AT_LEAST, 0.0, null, pilot.startsOn(), pilot.endsOn()));
        return test(id);
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
