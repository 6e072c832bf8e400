package nl.buitenin.privacy.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.internal.Actors;
import nl.buitenin.privacy.internal.Retention;

/** Retention: preview what the daily job would do, run it now, and see what earlier runs did. */
@PageController
@Allow(Role.PRIVACY_OFFICER)
class RetentionController {

    private final Retention retention;
    private final Actors actors;

    RetentionController(Retention retention, Actors actors) {
        this.retention = retention;
        this.actors = actors;
    }

    @GetMapping("/privacy/retention")
    @Allow({Role.PRIVACY_OFFICER, Role.ADMIN})
    String page(Model model) {
        model.addAttribute("runs", retention.recent(20));
        return "privacy/retention";
    }

    @PostMapping("/privacy/retention/preview")
    String preview(Model model) {
        model.addAttribute("result", retention.preview(actors.current()));
        return page(model);
    }

    @PostMapping("/privacy/retention/run")
    String run(Model model) {
        model.addAttribute("result", retention.run(actors.current()));
        return page(model);
    }
}
