package nl.buitenin.textinsight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.textinsight.internal.FailureDemandFigures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Figure;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Figures;
import nl.buitenin.textinsight.internal.FailureDemandFigures.Week;

/**
 * Failure-demand figures for machines: per journey, stage, touchpoint and week the share of contacts read as failure
 * demand with n, the Wilson 95 % interval and the repeat contacts (small cells hidden), the kinds of failure and the
 * top repeated questions. Example reasons (personal text) only when asked for with {@code examples=true}; they are read
 * under the purpose "service improvement" like on the page, and a person's reasons that purpose refuses are left out.
 */
@RestController
class FailureDemandApi {

    private final FailureDemandFigures figures;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    FailureDemandApi(FailureDemandFigures figures, Organisations organisations, SmallCellRule smallCells) {
        this.figures = figures;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @Schema(name = "FailureDemandFigure", description = "A share of failure demand; when hidden (fewer contacts than fewerThan) "
            + "every number is null")
    record FigureJson(@Schema(description = "contacts with a reason read in the cell") @Nullable Long n,
            @Schema(description = "of which failure demand") @Nullable Long failures,
            @Schema(description = "failure-demand share in percent") @Nullable Double share,
            @Schema(description = "lower bound of the Wilson 95 % interval, percent") @Nullable Double lower,
            @Schema(description = "upper bound of the Wilson 95 % interval, percent") @Nullable Double upper,
            @Schema(description = "repeat contacts: the same person about the same unresolved matter within the classifier's window")
            @Nullable Long repeats,
            boolean hidden, @Schema(description = "the small-cell minimum") int fewerThan) {

        static FigureJson of(Figure f) {
            return new FigureJson(f.n(), f.failures(), f.share() == null ? null : f.share().value(),
                    f.share() == null ? null : f.share().lower(), f.share() == null ? null : f.share().upper(), f.repeats(), f.hidden(),
                    f.fewerThan());
        }
    }

    @Schema(name = "FailureDemandWeek")
    record FailureDemandWeekJson(@Schema(description = "the Monday the week starts on") LocalDate week, FigureJson figure) {

        static List<FailureDemandWeekJson> of(List<Week> weeks) {
            return weeks.stream().map(w -> new FailureDemandWeekJson(w.start(), FigureJson.of(w.figure()))).toList();
        }
    }

    @Schema(name = "FailureDemandTouchpoint")
    record TouchpointJson(UUID id, String nameNl, String nameEn, FigureJson total, List<FailureDemandWeekJson> weeks) {
    }

    @Schema(name = "FailureDemandStage")
    record StageJson(UUID id, String nameNl, String nameEn, FigureJson total, List<FailureDemandWeekJson> weeks, List<TouchpointJson> touchpoints) {
    }

    @Schema(name = "FailureDemandKind")
    record KindJson(@Schema(description = "repeating, correcting, chasing, not-understanding or complaint") String kind,
            @Schema(description = "failure-demand contacts of this kind; null when hidden") @Nullable Long contacts, boolean hidden) {
    }

    @Schema(name = "FailureDemandJourney")
    record JourneyJson(UUID id, String nameNl, String nameEn, FigureJson total, List<FailureDemandWeekJson> weeks, List<StageJson> stages,
            List<KindJson> failureKinds) {
    }

    @Schema(name = "RepeatedQuestion")
    record QuestionJson(@Schema(description = "the stem of the matter's word, stable across periods") String key,
            @Schema(description = "the matter's word as most often written") String label,
            @Schema(description = "failure-demand contacts that asked it") long contacts,
            @Schema(description = "people (or unknown callers) that asked it; at least the small-cell minimum") long people,
            @Schema(description = "up to three reasons, newest first; only with examples=true") List<String> examples) {
    }

    @Schema(name = "FailureDemand")
    record FailureDemandJson(LocalDate from, LocalDate to, int minCell, List<LocalDate> weeks, List<JourneyJson> journeys,
            List<QuestionJson> questions,
            @Schema(description = "failure-demand reasons not read for the questions: the purpose 'service improvement' refused them")
            int unreadReasons) {
    }

    @GetMapping("/api/v1/failure-demand")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Failure demand per journey, stage, touchpoint and week, with the top repeated questions",
            description = "Contacts with a reason, read as value or failure demand (Seddon). Each figure has n, the share in percent "
                    + "and its Wilson 95 % interval; a figure of fewer contacts than the small-cell minimum is hidden. Example "
                    + "reasons are personal text: returned only with examples=true, read under the purpose 'service improvement' "
                    + "(logged per person; a person's reasons the purpose refuses are left out and counted in unreadReasons).")
    FailureDemandJson figures(
            @Parameter(description = "first day, e.g. 2026-03-01 (default: twelve weeks before 'to')") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, included (default: today)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "one journey's id (default: every journey in use)") @RequestParam(required = false) @Nullable String journey,
            @Parameter(description = "true to include up to three example reasons per question") @RequestParam(required = false) @Nullable String examples) {
        FailureDemandQuery query = FailureDemandQuery.read(from, to, journey, LocalDate.now(organisations.current().timeZone()));
        Figures found = figures.of(query.from(), query.to(), query.journey(), flag("examples", examples));
        return new FailureDemandJson(found.from(), found.to(), smallCells.k(), found.weeks(),
                found.journeys().stream().map(j -> new JourneyJson(j.journey().id().value(), j.journey().nameNl(), j.journey().nameEn(),
                        FigureJson.of(j.total()), FailureDemandWeekJson.of(j.weeks()),
                        j.stages().stream().map(s -> new StageJson(s.stage().id().value(), s.stage().nameNl(), s.stage().nameEn(),
                                FigureJson.of(s.total()), FailureDemandWeekJson.of(s.weeks()),
                                s.touchpoints().stream().map(t -> new TouchpointJson(t.touchpoint().id().value(), t.touchpoint().nameNl(),
                                        t.touchpoint().nameEn(), FigureJson.of(t.total()), FailureDemandWeekJson.of(t.weeks()))).toList())).toList(),
                        j.kinds().stream().map(k -> new KindJson(k.kind().code(), k.contacts().value(), k.contacts().hidden())).toList()))
                        .toList(),
                found.questions().stream().map(q -> new QuestionJson(q.key(), q.label(), q.contacts(), q.people(), q.examples())).toList(),
                found.unread());
    }

    private static boolean flag(String field, @Nullable String raw) {
        if (RequestValues.blank(raw)) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInputException.of(field, "textinsight.invalid.flag", raw);
        };
    }
}
