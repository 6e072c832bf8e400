package nl.buitenin.loop.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.loop.internal.CaseAgeing;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;

/**
 * The team lead's view: open cases per agent, SLA breaches, ageing and the cases escalated to the lead,
 * with reassignment. Only the lead of the user's team sees it filled in.
 */
@PageController
@Allow(Role.AGENT)
class TeamLeadController {

    private final CaseFiles cases;
    private final CaseWork work;
    private final TeamLeads leads;
    private final LoopPages pages;

    TeamLeadController(CaseFiles cases, CaseWork work, TeamLeads leads, LoopPages pages) {
        this.cases = cases;
        this.work = work;
        this.leads = leads;
        this.pages = pages;
    }

    @GetMapping("/team-lead/cases")
    String view(Model model, Locale locale) {
        User me = pages.me();
        boolean lead = leads.teamLedBy(me.id()).isPresent();
        model.addAttribute("lead", lead);
        model.addAttribute("teamName", me.team());
        if (!lead) {
            return "loop/team-lead";
        }
        List<CaseFile> files = cases.openOfTeam(me.team(), 2000);
        List<CaseView> open = pages.views(files, locale);
        List<CaseView> working = open.stream().filter(CaseView::working).toList();
        Map<String, Long> perAgent = new TreeMap<>();
        for (CaseView c : working) {
            perAgent.merge(c.owner() == null ? "-" : c.owner(), 1L, Long::sum);
        }
        model.addAttribute("perAgent", perAgent);
        model.addAttribute("ageing", CaseAgeing.of(files, pages.clock().instant()).bands());
        model.addAttribute("breaches", working.stream().filter(CaseView::overdue).toList());
        model.addAttribute("escalated", working.stream().filter(CaseView::escalated).toList());
        model.addAttribute("openCount", working.size());
        model.addAttribute("agents", pages.teamMembers(me.team()));
        return "loop/team-lead";
    }

    @PostMapping("/team-lead/cases/{id}/assign")
    String reassign(@PathVariable UUID id, @RequestParam(required = false) UUID owner, RedirectAttributes redirect) {
        try {
            if (owner == null) {
                throw InvalidInputException.of("owner", "loop.invalid.agent");
            }
            work.reassign(pages.me(), new CaseId(id), owner);
            redirect.addFlashAttribute("assigned", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("owner")));
        }
        return "redirect:/team-lead/cases";
    }
}
