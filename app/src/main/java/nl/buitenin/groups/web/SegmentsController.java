package nl.buitenin.groups.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.internal.JdbcSegments;
import nl.buitenin.groups.internal.SegmentDecisions;
import nl.buitenin.groups.internal.SegmentFinder;
import nl.buitenin.groups.internal.SegmentProposal;
import nl.buitenin.groups.internal.SegmentTexts;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;

/** The page "Gevonden in de gegevens": search for segments, and rename, adopt or dismiss each proposal. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST})
class SegmentsController {

    private final SegmentFinder finder;
    private final SegmentDecisions decisions;
    private final JdbcSegments segments;
    private final SegmentTexts texts;
    private final SmallCellRule smallCells;

    SegmentsController(SegmentFinder finder, SegmentDecisions decisions, JdbcSegments segments, SegmentTexts texts, SmallCellRule smallCells) {
        this.finder = finder;
        this.decisions = decisions;
        this.segments = segments;
        this.texts = texts;
        this.smallCells = smallCells;
    }

    record Card(String id, String name, String nameNl, String nameEn, long size, List<String> traits) {
    }

    @GetMapping("/groups/segments")
    String page(Model model, Locale locale) {
        List<SegmentProposal> open = segments.open();
        model.addAttribute("k", smallCells.k());
        model.addAttribute("minPeople", SegmentFinder.MIN_PEOPLE);
        model.addAttribute("cards", open.stream().map(p -> new Card(p.id().toString(), p.name(locale), p.nameNl(), p.nameEn(), p.size(),
                texts.describe(p, locale))).toList());
        if (!open.isEmpty()) {
            SegmentProposal first = open.get(0);
            model.addAttribute("run", first);
        }
        return "groups/segments";
    }

    @PostMapping("/groups/segments")
    String propose(RedirectAttributes redirect) {
        try {
            finder.propose();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("segments")));
        }
        return "redirect:/groups/segments";
    }

    @PostMapping("/groups/segments/{id}/rename")
    String rename(@PathVariable UUID id, @RequestParam(required = false) @Nullable String nameNl,
            @RequestParam(required = false) @Nullable String nameEn, RedirectAttributes redirect) {
        try {
            decisions.rename(id, nameNl, nameEn);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("segment")));
        }
        return "redirect:/groups/segments";
    }

    @PostMapping("/groups/segments/{id}/adopt")
    String adopt(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
        try {
            decisions.adopt(id, null, null, who.getName());
            return "redirect:/groups";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("segment")));
        }
        return "redirect:/groups/segments";
    }

    @PostMapping("/groups/segments/{id}/dismiss")
    String dismiss(@PathVariable UUID id, Authentication who, RedirectAttributes redirect) {
        try {
            decisions.dismiss(id, who.getName());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("segment")));
        }
        return "redirect:/groups/segments";
    }
}
