package nl.buitenin.assumptions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.Users;
import nl.buitenin.assumptions.NewAssumption;
import nl.buitenin.assumptions.internal.Assumption;
import nl.buitenin.assumptions.internal.AssumptionBook;
import nl.buitenin.assumptions.internal.AssumptionTest;
import nl.buitenin.assumptions.internal.Explanations;
import nl.buitenin.assumptions.internal.KnowledgeFigure;
import nl.buitenin.assumptions.internal.Outcome;
import nl.buitenin.assumptions.internal.TestForm;
import nl.buitenin.insight.Estimate;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.TableFile;

/**
 * Assumptions with their tests and verdicts. Analysts and administrators manage them and read the organisation's
 * figure; every member of staff reads the assumptions they own.
 */
@RestController
class AssumptionsApi {

    private final AssumptionBook book;
    private final Explanations explanations;
    private final KnowledgeFigure knowledge;
    private final Users users;

    AssumptionsApi(AssumptionBook book, Explanations explanations, KnowledgeFigure knowledge, Users users) {
        this.book = book;
        this.explanations = explanations;
        this.knowledge = knowledge;
        this.users = users;
    }

    @Schema(name = "AssumptionTestJson", description = "What tests the assumption")
    record TestJson(@Schema(description = "score, theme, share or question") String kind,
            @Schema(description = "score: nps, csat, ces, rating_5 or rating_10; share: the journey map's share key; question: share "
                    + "(agreeing: top two of the scale) or mean") @Nullable String measure,
            @Nullable UUID theme, @Nullable UUID survey, @Nullable String question,
            @Schema(description = "at_least, at_most, between, most or largest") String expectation, @Nullable Double low,
            @Nullable Double high, LocalDate from, LocalDate to) {
    }

    @Schema(name = "AssumptionEvidence", description = "The figure the verdict rests on, in the unit of the measure (NPS points, percent "
            + "or scale points); absent when there is none to show")
    record EvidenceJson(long n, double value, double lower, double upper) {
    }

    @Schema(name = "Assumption")
    record AssumptionJson(UUID id, String statement, String department, @Nullable String owner, UUID journey, @Nullable UUID touchpoint,
            @Nullable UUID workshop, Instant createdAt, @Nullable TestJson test,
            @Schema(description = "CONFIRMED, REFUTED or NOT_YET_TESTABLE; null until tested") @Nullable String verdict,
            @Schema(description = "INTERVAL, NO_TEST, NO_DATA, TOO_FEW, UNDECIDED or PILOT_RUNNING") @Nullable String why,
            @Schema(description = "the verdict in words, in the Accept-Language") String explanation, @Nullable EvidenceJson evidence,
            @Nullable Instant testedAt) {
    }

    @Schema(name = "AssumptionInput")
    record AssumptionInput(@Nullable String statement, @Nullable String department, @Nullable String owner, @Nullable String journey,
            @Nullable String touchpoint, @Nullable String workshop, @Schema(description = "optional: the test, chosen at once") @Nullable TestForm test) {
    }

    @Schema(name = "AssumptionKnowledgeCell", description = "Among decided assumptions (confirmed or refuted), the share confirmed in "
            + "percent with its Wilson interval; hidden below the small-cell minimum")
    record CellJson(String label, @Nullable Long decided, @Nullable Long confirmed, @Nullable Double share, @Nullable Double lower,
            @Nullable Double upper, boolean hidden, @Nullable Integer fewerThan, long notDecided) {
    }

    @Schema(name = "AssumptionKnowledge")
    record KnowledgeJson(CellJson overall, List<CellJson> departments, @Schema(description = "by the quarter the assumption was written, "
            + "as 2026-Q1") List<CellJson> quarters) {
    }

    @GetMapping("/api/v1/assumptions")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Every assumption with its test and last verdict, newest first")
    List<AssumptionJson> list(Locale locale) {
        return book.all().stream().map(a -> json(a, locale)).toList();
    }

    @GetMapping("/api/v1/assumptions/mine")
    @AnySignedIn
    @Operation(summary = "The signed-in user's own assumptions, each tested now")
    List<AssumptionJson> mine(Locale locale) {
        return book.mine(users.current().orElseThrow().username()).stream().map(a -> json(a, locale)).toList();
    }

    @PostMapping("/api/v1/assumptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Write down an assumption, optionally with its test", description = "With a test it is tested at once.")
    AssumptionJson create(@RequestBody @Nullable AssumptionInput input, Locale locale) {
        if (input == null) {
            throw InvalidInputException.of("statement", "assumptions.invalid.statement.missing");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        JourneyId journey = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.id("journey", input.journey(), JourneyId::new, "assumptions.invalid.journey"), "journey", "assumptions.invalid.journey"));
        TouchpointId touchpoint = RequestValues.collecting(errors,
                () -> RequestValues.id("touchpoint", input.touchpoint(), TouchpointId::new, "assumptions.invalid.touchpoint"));
        UUID workshop = RequestValues.collecting(errors, () -> RequestValues.uuid("workshop", input.workshop(), "assumptions.invalid.workshop"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = book.propose(new NewAssumption(String.valueOf(input.statement() == null ? "" : input.statement()),
                input.department() == null ? "" : input.department(), input.owner(), journey, touchpoint, workshop));
        Assumption created = input.test() == null ? book.byId(id) : book.chooseTest(id, input.test());
        return json(created, locale);
    }

    @GetMapping("/api/v1/assumptions/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One assumption, tested now against the data")
    AssumptionJson read(@PathVariable UUID id, Locale locale) {
        return json(book.test(id), locale);
    }

    @PostMapping("/api/v1/assumptions/{id}/test")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Choose the assumption's test (with a body) and test it now (with or without one)")
    AssumptionJson test(@PathVariable UUID id, @RequestBody(required = false) @Nullable TestForm form, Locale locale) {
        return json(form == null ? book.test(id) : book.chooseTest(id, form), locale);
    }

    @Schema(name = "AssumptionQuestionInput")
    record QuestionInput(@Nullable String questionNl, @Nullable String questionEn) {
    }

    @Schema(name = "AssumptionQuestionDraft")
    record QuestionDraftJson(AssumptionJson assumption, UUID survey, String questionKey,
            @Schema(description = "the question checker's advice on the wording, in the Accept-Language") List<String> advice) {
    }

    @Schema(name = "AssumptionPilotInput")
    record PilotInput(@Nullable String name, @Nullable String change, @Schema(description = "nps, csat, ces, rating_5 or rating_10") @Nullable String measure,
            @Nullable String startsOn, @Nullable String endsOn) {
    }

    @PostMapping("/api/v1/assumptions/{id}/question")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Turn the assumption into a survey question",
            description = "Saves a draft survey of one agreement question (1 to 5) at the assumption's touchpoint, through the question "
                    + "checker; the assumption's test becomes the share agreeing (more than half expected), from today for a year. "
                    + "Publish the survey through the normal survey flow.")
    QuestionDraftJson toQuestion(@PathVariable UUID id, @RequestBody @Nullable QuestionInput input, Locale locale) {
        AssumptionBook.Drafted drafted = book.toQuestion(id, input == null || input.questionNl() == null ? "" : input.questionNl(),
                input == null || input.questionEn() == null ? "" : input.questionEn());
        return new QuestionDraftJson(json(drafted.assumption(), locale), drafted.draft().survey().value(), drafted.draft().questionKey(),
                drafted.draft().advice().stream().map(a -> "en".equals(locale.getLanguage()) ? a.explanationEn() : a.explanationNl())
                        .distinct().toList());
    }

    @PostMapping("/api/v1/assumptions/{id}/pilot")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Turn the assumption into a pilot at its touchpoint",
            description = "Defines a pilot (compared with the same touchpoint in the days before) whose difference, pilot minus control, "
                    + "becomes the test: confirmed when its whole 95 % interval lies above zero, read once the pilot has ended.")
    AssumptionJson toPilot(@PathVariable UUID id, @RequestBody @Nullable PilotInput input, Locale locale) {
        PilotInput in = input == null ? new PilotInput(null, null, null, null, null) : input;
        return json(book.toPilot(id, PilotRequest.read(book.byId(id), in.name(), in.change(), in.measure(), in.startsOn(), in.endsOn())),
                locale);
    }

    @GetMapping("/api/v1/assumptions/organisation")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "How well the organisation knows its customers: the share of decided assumptions confirmed, per department "
            + "and quarter, with 95 % intervals; cells under the small-cell minimum hidden, never per person")
    KnowledgeJson organisation() {
        KnowledgeFigure.Figure figure = knowledge.figure();
        return new KnowledgeJson(cell(figure.overall(), figure.k()), figure.departments().stream().map(c -> cell(c, figure.k())).toList(),
                figure.quarters().stream().map(c -> cell(c, figure.k())).toList());
    }

    @GetMapping("/api/v1/assumptions.csv")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Every assumption with its test and last verdict as CSV (RFC 4180, UTF-8)",
            description = "Columns: id, statement, department, owner, kind, measure, expectation, low, high, from, to, verdict, n, value, "
                    + "lower, upper, tested_at, explanation (in the Accept-Language).")
    ResponseEntity<byte[]> csv(Locale locale) {
        TableFile table = TableFile.of("assumptions", List.of("id", "statement", "department", "owner", "kind", "measure", "expectation",
                "low", "high", "from", "to", "verdict", "n", "value", "lower", "upper", "tested_at", "explanation"));
        for (Assumption a : book.all()) {
            AssumptionTest t = a.test();
            Outcome o = a.outcome();
            Estimate e = o == null ? null : o.figure();
            List<@Nullable Object> row = new ArrayList<>();
            row.add(a.id().toString());
            row.add(a.statement());
            row.add(a.department());
            row.add(a.owner());
            row.add(t == null ? null : t.kind().code());
            row.add(t == null ? null : t.measure());
            row.add(t == null ? null : t.expectation().code());
            row.add(t == null ? null : t.low());
            row.add(t == null ? null : t.high());
            row.add(t == null ? null : t.from());
            row.add(t == null ? null : t.to());
            row.add(o == null ? null : o.verdict().name());
            row.add(e == null ? null : e.n());
            row.add(e == null ? null : e.value());
            row.add(e == null ? null : e.lower());
            row.add(e == null ? null : e.upper());
            row.add(o == null ? null : o.testedAt().toString());
            row.add(explanations.explain(t, o, locale));
            table.row(row);
        }
        return table.download(TableFile.Format.CSV, "buitenin-assumptions");
    }

    private AssumptionJson json(Assumption a, Locale locale) {
        AssumptionTest t = a.test();
        Outcome o = a.outcome();
        Estimate e = o == null ? null : o.figure();
        return new AssumptionJson(a.id(), a.statement(), a.department(), a.owner(), a.journey().value(),
                a.touchpoint() == null ? null : a.touchpoint().value(), a.workshop(), a.createdAt(),
                t == null ? null : new TestJson(t.kind().code(), t.measure(), t.theme(), t.survey(), t.question(), t.expectation().code(),
                        t.low(), t.high(), t.from(), t.to()),
                o == null ? null : o.verdict().name(), o == null ? null : o.why().name(), explanations.explain(t, o, locale),
                e == null ? null : new EvidenceJson(e.n(), e.value(), e.lower(), e.upper()), o == null ? null : o.testedAt());
    }

    private static CellJson cell(KnowledgeFigure.Cell c, int k) {
        Estimate s = c.share();
        return new CellJson(c.label(), c.hidden() ? null : c.decided(), c.confirmed(), s == null ? null : s.value(),
                s == null ? null : s.lower(), s == null ? null : s.upper(), c.hidden(), c.hidden() ? k : null, c.untested());
    }
}
