package nl.buitenin.loop.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.loop.internal.LoopFigures;
import nl.buitenin.loop.internal.Quarter;
import nl.buitenin.loop.internal.QuarterlyReport;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;

/** Loop-closure figures and the quarterly "you said, we did" report; figures about fewer than k people are hidden. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class FiguresController {

    private final LoopFigures figures;
    private final QuarterlyReport report;
    private final LoopPages pages;
    private final SmallCellRule smallCells;

    FiguresController(LoopFigures figures, QuarterlyReport report, LoopPages pages, SmallCellRule smallCells) {
        this.figures = figures;
        this.report = report;
        this.pages = pages;
        this.smallCells = smallCells;
    }

    @GetMapping("/loop/figures")
    String figures(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        ZoneId zone = pages.zone();
        LocalDate today = LocalDate.now(pages.clock().withZone(zone));
        LocalDate start = date("from", from, today.minusYears(1).withDayOfMonth(1));
        LocalDate end = date("to", to, today);
        if (end.isBefore(start)) {
            throw InvalidInputException.of("to", "loop.invalid.toBeforeFrom");
        }
        LoopFigures.Dimension dimension = dimension(by);
        List<LoopFigures.Row> rows = figures.by(dimension, start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(), pages.clock().instant());
        model.addAttribute("rows", rows);
        model.addAttribute("by", dimension.name());
        model.addAttribute("dimensions", LoopFigures.Dimension.values());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("minCell", smallCells.k());
        return "loop/figures";
    }

    @GetMapping("/loop/report")
    String report(@RequestParam(required = false) String quarter, Model model, Locale locale) {
        Quarter chosen = quarter(quarter);
        QuarterlyReport.Content content = report.content(chosen, locale, pages.clock().instant());
        List<LoopFigures.Row> rows = new java.util.ArrayList<>(content.byTeam());
        rows.add(content.total());
        model.addAttribute("report", content);
        model.addAttribute("rows", rows);
        model.addAttribute("minimum", report.minimumCount());
        model.addAttribute("minCell", smallCells.k());
        model.addAttribute("quarter", chosen.toString());
        model.addAttribute("previous", chosen.previous().toString());
        return "loop/report";
    }

    @GetMapping("/loop/report.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String quarter, Locale locale) {
        Quarter chosen = quarter(quarter);
        byte[] pdf = report.pdf(report.content(chosen, locale, pages.clock().instant()), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("you-said-we-did-" + chosen + ".pdf").build().toString())
                .body(pdf);
    }

    private Quarter quarter(String text) {
        if (RequestValues.blank(text)) {
            return Quarter.of(LocalDate.now(pages.clock().withZone(pages.zone()))).previous();
        }
        return Quarter.parse(text);
    }

    private static LoopFigures.Dimension dimension(String by) {
        return Objects.requireNonNullElse(RequestValues.choice("by", by, LoopFigures.Dimension.class, "loop.invalid.by"),
                LoopFigures.Dimension.TEAM);
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        return Objects.requireNonNullElse(RequestValues.date(field, text, "loop.invalid.date"), fallback);
    }
}
