package nl.buitenin.readings.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.readings.internal.CalibratedScores;

/**
 * The page "scores adjusted for harsh and lenient raters" for analysts: per touchpoint, team, month or week the mean
 * score of a question type, as given and calibrated for who happened to answer, each with n and 95 % interval, small cells hidden, and
 * the pairs of touchpoints the calibration puts in the other order named in words.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class CalibratedScoresController {

    private final CalibratedScores scores;
    private final Organisations organisations;
    private final SmallCellRule smallCells;

    CalibratedScoresController(CalibratedScores scores, Organisations organisations, SmallCellRule smallCells) {
        this.scores = scores;
        this.organisations = organisations;
        this.smallCells = smallCells;
    }

    @GetMapping("/readings/calibrated")
    String page(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String by,
            Model model) {
        model.addAttribute("types", CalibratedScores.TYPES);
        model.addAttribute("compares", CalibratedScores.Compare.values());
        model.addAttribute("by", by);
        model.addAttribute("minCell", smallCells.k());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("type", type);
        try {
            CalibrationQuery query = CalibrationQuery.read(from, to, type, by, LocalDate.now(organisations.current().timeZone()));
            CalibratedScores.Figures figures = scores.of(query.from(), query.to(), query.type(), query.by());
            model.addAttribute("figures", figures);
            model.addAttribute("from", figures.from());
            model.addAttribute("to", figures.to());
            model.addAttribute("type", figures.type().name());
            model.addAttribute("by", figures.by().name());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "readings/calibrated";
    }
}
