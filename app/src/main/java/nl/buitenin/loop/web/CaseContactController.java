package nl.buitenin.loop.web;

import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * The contact details for a call-back, shown only when the agent asks for them: read through privacy
 * under the purpose "complaint handling", which logs who read them for which person. An agent sees
 * them only for a case their team may see.
 */
@PageController
@Allow(Role.AGENT)
class CaseContactController {

    private final CaseWork work;
    private final LoopPages pages;
    private final Persons persons;

    CaseContactController(CaseWork work, LoopPages pages, Persons persons) {
        this.work = work;
        this.pages = pages;
        this.persons = persons;
    }

    @GetMapping("/cases/{id}/contact")
    String contact(@PathVariable UUID id, Model model) {
        CaseFile c = work.visibleTo(pages.me(), new CaseId(id));
        if (c.person() == null) {
            model.addAttribute("anonymous", true);
        } else {
            try {
                model.addAttribute("details", persons.contactDetails(c.person(), PurposeId.COMPLAINT_HANDLING).orElse(null));
            } catch (PurposeRefusedException e) {
                model.addAttribute("refused", e.reason().name());
            }
        }
        return "loop/case-contact :: contact";
    }
}
