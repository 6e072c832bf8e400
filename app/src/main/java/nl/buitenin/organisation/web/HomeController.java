package nl.buitenin.organisation.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.buitenin.access.AnySignedIn;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;

/**
 * The start page: the panels of figures the signed-in user's roles act on (contributed by the modules that own
 * them, see {@link StartPanel}), then the capabilities they may open as tiles per menu group.
 */
@PageController
class HomeController {

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final List<StartPanel> panels;
    private final ReplicaReads replicaReads;

    HomeController(List<StartPanel> panels, ReplicaReads replicaReads) {
        this.panels = panels.stream().sorted(Comparator.comparingInt(StartPanel::order)).toList();
        this.replicaReads = replicaReads;
    }

    /** A panel with the figures computed for this user; {@code failed} when they could not be computed. */
    record PanelView(StartPanel panel, List<FigureView> figures, boolean failed) {
    }

    @GetMapping("/")
    @AnySignedIn
    String home(Authentication authentication, Locale locale, Model model) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        String username = authentication.getName();
        model.addAttribute("panels", panels.stream()
                .filter(p -> !roles.isEmpty() && p.visibleTo(username, roles))
                .map(p -> view(p, username, locale, replicaReads))
                .toList());
        return "home";
    }

    /** One panel that fails (a database hiccup) leaves the rest of the start page readable. */
    private static PanelView view(StartPanel panel, String username, Locale locale, ReplicaReads replicaReads) {
        try {
            List<StartFigure> figures = panel.mayLag() ? replicaReads.read(() -> panel.figures(username, locale))
                    : panel.figures(username, locale);
            return new PanelView(panel, figures.stream().map(f -> FigureView.of(f, locale)).toList(), false);
        } catch (RuntimeException e) {
            log.warn("Start panel {} could not be computed", panel.titleKey(), e);
            return new PanelView(panel, List.of(), true);
        }
    }
}
